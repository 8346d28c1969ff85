<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../ui/dialogs/accountdialog.cpp" line="+18"/>
        <source>Disabled (cannot log in; its sessions end)</source>
        <translation>Désactivé (ne peut pas se connecter&#x202f;; ses sessions prennent fin)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit account</source>
        <translation>Modifier le compte</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+55"/>
        <source>Add account</source>
        <translation>Ajouter un compte</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>viewer — reads the encoder&apos;s resources</source>
        <translation>viewer — lit les ressources de l’encodeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>operator — reads and changes the encoder&apos;s resources</source>
        <translation>operator — lit et modifie les ressources de l’encodeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>admin — everything, accounts and tokens included</source>
        <translation>admin — tout, y compris les comptes et les jetons</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>User name</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
</context>
<context>
    <name>AccountModel</name>
    <message>
        <location filename="../ui/models/accountmodel.cpp" line="+8"/>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>disabled</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no device password</source>
        <translation>pas de mot de passe de l’appareil</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no password</source>
        <translation>pas de mot de passe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>device password</source>
        <translation>mot de passe de l’appareil</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changed</source>
        <translation>Modifié</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../ui/pages/accountspage.cpp" line="+45"/>
        <source>Device password</source>
        <translation>Mot de passe de l’appareil</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+66"/>
        <source>Set password</source>
        <translation>Définir le mot de passe</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Remove password…</source>
        <translation>Supprimer le mot de passe…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>User accounts</source>
        <translation>Comptes utilisateur</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+89"/>
        <source>Disable</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>Reset password…</source>
        <translation>Réinitialiser le mot de passe…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>A device password is set: clients must log in. Changing it ends every session of the admin account.</source>
        <translation>Un mot de passe de l’appareil est défini&#xa0;: les clients doivent se connecter. Le modifier met fin à toutes les sessions du compte admin.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;No device password is set.&lt;/b&gt; Anyone who can reach the encoder can use its API. Choose a password below.</source>
        <translation>&lt;b&gt;Aucun mot de passe de l’appareil n’est défini.&lt;/b&gt; Toute personne qui peut joindre l’encodeur peut utiliser son API. Choisissez un mot de passe ci-dessous.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change password</source>
        <translation>Changer le mot de passe</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The device password was changed.</source>
        <translation>Le mot de passe de l’appareil a été changé.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The device password was set.</source>
        <translation>Le mot de passe de l’appareil a été défini.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove the device password?</source>
        <translation>Supprimer le mot de passe de l’appareil&#x202f;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authentication is switched off: anyone who can reach the encoder can use its API, and every session ends.</source>
        <translation>L’authentification est désactivée&#xa0;: toute personne qui peut joindre l’encodeur peut utiliser son API, et toutes les sessions prennent fin.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove password</source>
        <translation>Supprimer le mot de passe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The device password was removed; authentication is off.</source>
        <translation>Le mot de passe de l’appareil a été supprimé&#x202f;; l’authentification est désactivée.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Enable</source>
        <translation>Activer</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 is disabled.</source>
        <translation>%1 est désactivé.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 is enabled.</source>
        <translation>%1 est activé.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Remove the account %1?</source>
        <translation>Supprimer le compte %1&#x202f;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its sessions end and its API tokens stop working.</source>
        <translation>Ses sessions prennent fin et ses jetons d’API cessent de fonctionner.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 was removed.</source>
        <translation>%1 a été supprimé.</translation>
    </message>
</context>
<context>
    <name>AppOptions</name>
    <message>
        <location filename="../app/gatehouse/appoptions.cpp" line="+13"/>
        <source>Gatehouse: the encoder&apos;s authentication server with its desktop control panel.</source>
        <translation>Gatehouse&#xa0;: le serveur d’authentification de l’encodeur, avec son panneau de contrôle de bureau.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serve without any window (as gatehoused does).</source>
        <translation>Servir sans aucune fenêtre (comme gatehoused).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show this help.</source>
        <translation>Afficher cette aide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the version.</source>
        <translation>Afficher la version.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 (see --help)</source>
        <translation>%1 (voir --help)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>unexpected argument &quot;%1&quot;; administration commands are gatehoused&apos;s</source>
        <translation>argument inattendu «&#x202f;%1&#x202f;»&#x202f;; les commandes d’administration sont celles de gatehoused</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../ui/models/auditmodel.cpp" line="+8"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this computer</source>
        <translation>cet ordinateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
</context>
<context>
    <name>CommandContext</name>
    <message>
        <location filename="../app/gatehoused/commandcontext.cpp" line="+59"/>
        <source>--%1 does not apply here (see --help)</source>
        <translation>--%1 ne s’applique pas ici (voir --help)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot read stdin</source>
        <translation>impossible de lire l’entrée standard</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no %1 on stdin</source>
        <translation>aucun %1 sur l’entrée standard</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>missing subcommand (%1)</source>
        <translation>sous-commande manquante (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown subcommand &quot;%1&quot; (%2)</source>
        <translation>sous-commande inconnue «&#x202f;%1&#x202f;» (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>missing %1</source>
        <translation>%1 manquant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>argument inattendu «&#x202f;%1&#x202f;»</translation>
    </message>
    <message>
        <location filename="../app/gatehoused/passwdcommand.cpp" line="+16"/>
        <source>unexpected argument &quot;%1&quot; (the password is read from stdin)</source>
        <translation>argument inattendu «&#x202f;%1&#x202f;» (le mot de passe est lu sur l’entrée standard)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../app/gatehoused/userscommand.cpp" line="+69"/>
        <source>password</source>
        <translation>mot de passe</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../app/gatehoused/userscommand.cpp" line="+83"/>
        <source>no user &quot;%1&quot;</source>
        <translation>aucun utilisateur «&#x202f;%1&#x202f;»</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>password of %1 set</source>
        <translation>mot de passe de %1 défini</translation>
    </message>
    <message>
        <location filename="../app/gatehoused/ratelimitcommand.cpp" line="+34"/>
        <source>Locked addresses:</source>
        <translation>Adresses bloquées&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RETRY AFTER (S)</source>
        <translation>RÉESSAI DANS (S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>
Recent events (newest first, at most %1):</source>
        <translation>
Événements récents (les plus récents d’abord, %1 au plus)&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AT</source>
        <translation>HEURE</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../app/gatehoused/sessionscommand.cpp" line="+46"/>
        <source>CLIENT IP</source>
        <translation>IP DU CLIENT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>KIND</source>
        <translation>TYPE</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/gatehoused/sessionscommand.cpp" line="-1"/>
        <source>DIALECT</source>
        <translation>DIALECTE</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../app/gatehoused/userscommand.cpp" line="-101"/>
        <source>USERNAME</source>
        <translation>NOM D’UTILISATEUR</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DETAIL</source>
        <translation>DÉTAIL</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&quot;%1&quot; is not an IP address</source>
        <translation>«&#x202f;%1&#x202f;» n’est pas une adresse IP</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is not blocked</source>
        <translation>%1 n’est pas bloquée</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 unblocked</source>
        <translation>%1 débloquée</translation>
    </message>
    <message>
        <location filename="../app/gatehoused/sessionscommand.cpp" line="+0"/>
        <location filename="../app/gatehoused/tokenscommand.cpp" line="+41"/>
        <location filename="../app/gatehoused/userscommand.cpp" line="+0"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>USER</source>
        <translation>UTILISATEUR</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/gatehoused/tokenscommand.cpp" line="+1"/>
        <location filename="../app/gatehoused/userscommand.cpp" line="+2"/>
        <source>CREATED</source>
        <translation>CRÉÉ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LAST SEEN</source>
        <translation>VU EN DERNIER</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../app/gatehoused/tokenscommand.cpp" line="+0"/>
        <source>EXPIRES</source>
        <translation>EXPIRE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>USER AGENT</source>
        <translation>AGENT UTILISATEUR</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>no live session &quot;%1&quot;</source>
        <translation>aucune session active «&#x202f;%1&#x202f;»</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>storage refused the change, nothing was changed</source>
        <translation>le stockage a refusé la modification, rien n’a été modifié</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>session %1 of %2 revoked</source>
        <translation>session %1 de %2 révoquée</translation>
    </message>
    <message>
        <location filename="../app/gatehoused/tokenscommand.cpp" line="-1"/>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PERMISSIONS</source>
        <translation>PERMISSIONS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HINT</source>
        <translation>INDICE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LAST USED</source>
        <translation>DERNIÈRE UTILISATION</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LAST IP</source>
        <translation>DERNIÈRE IP</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>--name and at least one --perm RES:ACTION are required</source>
        <translation>--name et au moins un --perm RES:ACTION sont requis</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--expires must be a duration such as 30d or an ISO 8601 time</source>
        <translation>--expires doit être une durée comme 30d ou une heure ISO 8601</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>API token %1 &quot;%2&quot; created with %3.
This secret is shown once and cannot be recovered: store it now.</source>
        <translation>Jeton d’API %1 «&#x202f;%2&#x202f;» créé avec %3.
Ce secret n’est affiché qu’une fois et ne peut pas être récupéré&#xa0;: conservez-le maintenant.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>ID must be a token&apos;s number (see tokens list)</source>
        <translation>ID doit être le numéro d’un jeton (voir tokens list)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>API token %1 revoked</source>
        <translation>jeton d’API %1 révoqué</translation>
    </message>
    <message>
        <location filename="../app/gatehoused/userscommand.cpp" line="-2"/>
        <source>ROLE</source>
        <translation>RÔLE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FIRSTNAME</source>
        <translation>PRÉNOM</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LASTNAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DISABLED</source>
        <translation>DÉSACTIVÉ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>UPDATED</source>
        <translation>MODIFIÉ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>bcrypt hash</source>
        <translation>hachage bcrypt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>malformed bcrypt hash (expected $2a$, $2b$ or $2y$, a cost of 04-%1 and 53 characters of bcrypt base64)</source>
        <translation>hachage bcrypt mal formé (attendu&#xa0;: $2a$, $2b$ ou $2y$, un coût de 04 à %1 et 53 caractères de base64 bcrypt)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>usernames are 1-64 characters: letters, digits, . _ - @</source>
        <translation>les noms d’utilisateur comptent de 1 à 64 caractères&#xa0;: lettres, chiffres, . _ - @</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing --role (%1)</source>
        <translation>--role manquant (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown role &quot;%1&quot; (%2)</source>
        <translation>rôle inconnu «&#x202f;%1&#x202f;» (%2)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>user &quot;%1&quot; exists</source>
        <translation>l’utilisateur «&#x202f;%1&#x202f;» existe déjà</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>user %1 (%2) added, id %3</source>
        <translation>utilisateur %1 (%2) ajouté, ID %3</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>user %1 removed, its sessions ended</source>
        <translation>utilisateur %1 supprimé, ses sessions ont pris fin</translation>
    </message>
    <message>
        <location filename="../app/gatehoused/oidccommand.cpp" line="+48"/>
        <source>OpenID Connect: off (no oidc_issuer)</source>
        <translation>OpenID Connect&#xa0;: désactivé (pas de oidc_issuer)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>OpenID Connect: %1 (client %2)</source>
        <translation>OpenID Connect&#xa0;: %1 (client %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>discovery: reachable</source>
        <translation>découverte&#xa0;: joignable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>discovery: failed</source>
        <translation>découverte&#xa0;: échec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>signing keys: %1</source>
        <translation>clés de signature&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>error: %1</source>
        <translation>erreur&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>set oidc_issuer and oidc_client_id first: the secret is bound to them</source>
        <translation>définissez d’abord oidc_issuer et oidc_client_id&#xa0;: le secret leur est lié</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>client secret</source>
        <translation>secret du client</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the database refused the change</source>
        <translation>la base de données a refusé la modification</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>client secret stored, sealed, for %1 (client %2)</source>
        <translation>secret du client enregistré, scellé, pour %1 (client %2)</translation>
    </message>
    <message>
        <location filename="../app/gatehoused/migratecommand.cpp" line="+24"/>
        <source>%1: %2 of %3 rows</source>
        <translation>%1&#xa0;: %2 lignes sur %3</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>--from and --to are both needed</source>
        <translation>--from et --to sont tous deux nécessaires</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>copied %1 rows</source>
        <translation>%1 lignes copiées</translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <location filename="../server/panel/controlpanel.cpp" line="+241"/>
        <source>That session has already ended.</source>
        <translation>Cette session a déjà pris fin.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <location line="+15"/>
        <source>Storage unavailable, nothing was changed.</source>
        <translation>Stockage indisponible, rien n’a été modifié.</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>No such account.</source>
        <translation>Ce compte n’existe pas.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>That address is not blocked.</source>
        <translation>Cette adresse n’est pas bloquée.</translation>
    </message>
</context>
<context>
    <name>LiveLogPage</name>
    <message>
        <location filename="../ui/pages/livelogpage.cpp" line="+21"/>
        <location line="+48"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Filter: words that must all appear (event, user, address, detail)</source>
        <translation>Filtre&#xa0;: mots qui doivent tous apparaître (événement, utilisateur, adresse, détail)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n new event(s) held back</source>
        <translation>
            <numerusform>%n nouvel événement en attente</numerusform>
            <numerusform>%n nouveaux événements en attente</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockoutModel</name>
    <message>
        <location filename="../ui/models/lockoutmodel.cpp" line="+15"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time left</source>
        <translation>Temps restant</translation>
    </message>
</context>
<context>
    <name>LoginChart</name>
    <message>
        <location filename="../ui/widgets/loginchart.cpp" line="+19"/>
        <source>Logins over the last hour</source>
        <translation>Connexions de la dernière heure</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>60 min ago</source>
        <translation>il y a 60 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>30 min ago</source>
        <translation>il y a 30 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Successful logins: %1</source>
        <translation>Connexions réussies&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed logins: %1</source>
        <translation>Connexions échouées&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+33"/>
        <source>Gatehouse %1 — control panel</source>
        <translation>Gatehouse %1 — panneau de contrôle</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Overview</source>
        <translation>Vue d’ensemble</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password &amp; accounts</source>
        <translation>Mot de passe et comptes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API tokens</source>
        <translation>Jetons d’API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate-limit log</source>
        <translation>Journal de limitation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live log</source>
        <translation>Journal en direct</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OpenID Connect</source>
        <translation>OpenID Connect</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&lt;b&gt;No device password is set.&lt;/b&gt; Anyone who can reach this encoder can use its API. Set a password to protect it.</source>
        <translation>&lt;b&gt;Aucun mot de passe de l’appareil n’est défini.&lt;/b&gt; Toute personne qui peut joindre cet encodeur peut utiliser son API. Définissez un mot de passe pour le protéger.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set a password…</source>
        <translation>Définir un mot de passe…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit (stop serving)</source>
        <translation>&amp;Quitter (arrêter le service)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep serving when the window is closed</source>
        <translation>Continuer à servir quand la fenêtre est fermée</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Gatehouse</source>
        <translation>À &amp;propos de Gatehouse</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>OidcLinkModel</name>
    <message>
        <location filename="../ui/models/oidclinkmodel.cpp" line="+8"/>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(account %1, removed)</source>
        <translation>(compte %1, supprimé)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Issuer</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linked</source>
        <translation>Lié le</translation>
    </message>
</context>
<context>
    <name>OidcPage</name>
    <message>
        <location filename="../ui/pages/oidcpage.cpp" line="+18"/>
        <source>OpenID Connect is off. To turn it on, set oidc_issuer (with the client id and secret) in gatehouse.conf and restart; docs/OIDC.md explains each setting.</source>
        <translation>OpenID Connect est désactivé. Pour l’activer, définissez oidc_issuer (avec l’identifiant et le secret du client) dans gatehouse.conf, puis redémarrez. docs/OIDC.md décrit chaque réglage.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Settings (from gatehouse.conf and the environment)</source>
        <translation>Réglages (de gatehouse.conf et de l’environnement)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OpenID Connect</source>
        <translation>OpenID Connect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client ID</source>
        <translation>Identifiant du client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client secret</source>
        <translation>Secret du client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redirect URI</source>
        <translation>URI de redirection</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scopes</source>
        <translation>Portées (scopes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role of new accounts</source>
        <translation>Rôle des nouveaux comptes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link by verified email</source>
        <translation>Liaison par e-mail vérifié</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discovery document</source>
        <translation>Document de découverte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signing keys</source>
        <translation>Clés de signature</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+70"/>
        <source>Test discovery</source>
        <translation>Tester la découverte</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Fetch the provider&apos;s discovery document and signing keys again now</source>
        <translation>Récupérer à nouveau, maintenant, le document de découverte et les clés de signature du fournisseur</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Linked accounts</source>
        <translation>Comptes liés</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>On</source>
        <translation>Activé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>set</source>
        <translation>défini</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not set</source>
        <translation>non défini</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>on</source>
        <translation>activée</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>off</source>
        <translation>désactivée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loaded</source>
        <translation>chargé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not loaded</source>
        <translation>non chargé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetching the discovery document and the signing keys…</source>
        <translation>Récupération du document de découverte et des clés de signature…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Discovery document and %1 signing key(s) loaded.</source>
        <translation>Document de découverte et %1 clé(s) de signature chargés.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Options</name>
    <message>
        <location filename="../app/gatehoused/options.cpp" line="+24"/>
        <source>run the server (the default command)</source>
        <translation>exécuter le serveur (la commande par défaut)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set a password (default: admin&apos;s), read from the first line of stdin</source>
        <translation>définir un mot de passe (par défaut&#xa0;: celui d’admin), lu sur la première ligne de l’entrée standard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list the accounts</source>
        <translation>lister les comptes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>add an account (ROLE: admin, operator, viewer); the password is read from the first line of stdin, or an old system&apos;s bcrypt hash ($2a$/$2b$/$2y$) is imported (&quot;-&quot;: the hash from stdin)</source>
        <translation>ajouter un compte (ROLE&#xa0;: admin, operator, viewer)&#x202f;; le mot de passe est lu sur la première ligne de l’entrée standard, ou le hachage bcrypt d’un ancien système ($2a$/$2b$/$2y$) est importé («&#x202f;-&#x202f;»&#xa0;: le hachage sur l’entrée standard)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>remove an account and end its sessions</source>
        <translation>supprimer un compte et mettre fin à ses sessions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list the live sessions</source>
        <translation>lister les sessions actives</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>end a session</source>
        <translation>mettre fin à une session</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list the API tokens (never their secrets)</source>
        <translation>lister les jetons d’API (jamais leurs secrets)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>create an API token; its secret is printed once, alone on stdout (details and a warning go to stderr)</source>
        <translation>créer un jeton d’API&#x202f;; son secret est affiché une fois, seul sur la sortie standard (les détails et un avertissement vont sur la sortie d’erreur)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>revoke an API token</source>
        <translation>révoquer un jeton d’API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>show locked addresses and the recent rate-limit events</source>
        <translation>afficher les adresses bloquées et les événements récents de limitation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lift an address&apos;s lockout</source>
        <translation>lever le blocage d’une adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>check that the OpenID provider&apos;s discovery document and keys can be fetched</source>
        <translation>vérifier que le document de découverte et les clés du fournisseur OpenID sont accessibles</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>keep the OpenID client secret, read from the first line of stdin, sealed in the database</source>
        <translation>conserver le secret du client OpenID, lu sur la première ligne de l’entrée standard, scellé dans la base de données</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>copy every table from one database to another (sqlite:PATH, postgresql://...); a target that holds data is refused unless --force, which empties it first</source>
        <translation>copier chaque table d’une base de données vers une autre (sqlite:CHEMIN, postgresql://...)&#xa0;; une cible qui contient des données est refusée sauf avec --force, qui la vide d’abord</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Commands (each acts on the storage of the data directory, also while a server runs on it; add --json for output a script can read):</source>
        <translation>Commandes (chacune agit sur le stockage du répertoire de données, même pendant qu’un serveur l’utilise&#x202f;; ajoutez --json pour une sortie lisible par un script)&#xa0;:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Gatehouse authentication server (headless).</source>
        <translation>Serveur d’authentification Gatehouse (sans affichage).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Account for passwd (default admin).</source>
        <translation>Compte pour passwd (par défaut admin).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role for users add.</source>
        <translation>Rôle pour users add.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name for users add.</source>
        <translation>Prénom pour users add.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name for users add.</source>
        <translation>Nom pour users add.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import this bcrypt hash in users add (&quot;-&quot;: from stdin).</source>
        <translation>Importer ce hachage bcrypt dans users add (ou, avec «&#x202f;-&#x202f;», le lire sur l’entrée standard).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name for tokens create.</source>
        <translation>Nom pour tokens create.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permission for tokens create (repeatable, or comma-separated).</source>
        <translation>Permission pour tokens create (répétable, ou séparées par des virgules).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expiry for tokens create: a duration (30d, 12h) or an ISO time.</source>
        <translation>Expiration pour tokens create&#xa0;: une durée (30d, 12h) ou une heure ISO.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database migrate copies from.</source>
        <translation>Base de données dont migrate copie.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database migrate copies to.</source>
        <translation>Base de données vers laquelle migrate copie.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Let migrate empty a target that holds data.</source>
        <translation>Laisser migrate vider une cible qui contient des données.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print a command&apos;s result as JSON.</source>
        <translation>Afficher le résultat d’une commande en JSON.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show this help.</source>
        <translation>Afficher cette aide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the version.</source>
        <translation>Afficher la version.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>serve (default), passwd, users, sessions, tokens, ratelimit, oidc or migrate</source>
        <translation>serve (par défaut), passwd, users, sessions, tokens, ratelimit, oidc ou migrate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[command [subcommand] [argument]]</source>
        <translation>[commande [sous-commande] [argument]]</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (see --help)</source>
        <translation>%1 (voir --help)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>unknown command &quot;%1&quot; (see --help)</source>
        <translation>commande inconnue «&#x202f;%1&#x202f;» (voir --help)</translation>
    </message>
</context>
<context>
    <name>Output</name>
    <message>
        <location filename="../app/gatehoused/output.cpp" line="+59"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../ui/pages/overviewpage.cpp" line="+31"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the certificate fingerprint, to check it on a client</source>
        <translation>Copier l’empreinte du certificat, pour la vérifier sur un client</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate (SHA-256)</source>
        <translation>Certificat (SHA-256)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active sessions</source>
        <translation>Sessions actives</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API tokens</source>
        <translation>Jetons d’API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locked addresses</source>
        <translation>Adresses bloquées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Logins in the last hour</source>
        <translation>Connexions de la dernière heure</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Not serving</source>
        <translation>Hors service</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serving — login attack in progress</source>
        <translation>En service — attaque de connexion en cours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serving — NOT protected by a password</source>
        <translation>En service — NON protégé par un mot de passe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serving, protected</source>
        <translation>En service, protégé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none (plain HTTP)</source>
        <translation>aucun (HTTP simple)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Off — the API refuses requests until a device password is set</source>
        <translation>Désactivée — l’API refuse les requêtes tant qu’aucun mot de passe de l’appareil n’est défini</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On</source>
        <translation>Activée</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Off — anyone on the network can use the encoder</source>
        <translation>Désactivée — n’importe qui sur le réseau peut utiliser l’encodeur</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../ui/dialogs/passworddialog.cpp" line="+16"/>
        <source>Reset password</source>
        <translation>Réinitialiser le mot de passe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New password for %1. Their sessions end, so they log in again with it.</source>
        <translation>Nouveau mot de passe pour %1. Ses sessions prennent fin&#xa0;: il faudra se reconnecter avec ce mot de passe.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Set password</source>
        <translation>Définir le mot de passe</translation>
    </message>
</context>
<context>
    <name>PasswordField</name>
    <message>
        <location filename="../ui/widgets/passwordfield.cpp" line="+29"/>
        <source>New password (at least %1 characters)</source>
        <translation>Nouveau mot de passe (au moins %1 caractères)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same password again</source>
        <translation>Le même mot de passe encore une fois</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>At least %1 characters; not a common password.</source>
        <translation>Au moins %1 caractères&#x202f;; pas un mot de passe courant.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Long enough. Type it again below to confirm.</source>
        <translation>Assez long. Saisissez-le à nouveau ci-dessous pour confirmer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checking against common passwords…</source>
        <translation>Comparaison avec les mots de passe courants…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Good: long enough and not a common password.</source>
        <translation>Bien&#xa0;: assez long et pas un mot de passe courant.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/gatehouse/main.cpp" line="+71"/>
        <location filename="../ui/dialogs/confirm.cpp" line="+12"/>
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server could not start:
%1</source>
        <translation>Le serveur n’a pas pu démarrer&#xa0;:
%1</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/aboutdialog.cpp" line="+14"/>
        <source>About Gatehouse</source>
        <translation>À propos de Gatehouse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;h3&gt;Gatehouse %1&lt;/h3&gt;&lt;p&gt;The authentication server of the encoder&apos;s control panel.&lt;/p&gt;&lt;p&gt;License: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Gatehouse %1&lt;/h3&gt;&lt;p&gt;Le serveur d’authentification du panneau de contrôle de l’encodeur.&lt;/p&gt;&lt;p&gt;Licence&#xa0;: %2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>RateLimitEventModel</name>
    <message>
        <location filename="../ui/models/ratelimiteventmodel.cpp" line="+8"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dialect</source>
        <translation>Dialecte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User tried</source>
        <translation>Utilisateur essayé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
</context>
<context>
    <name>RateLimitPage</name>
    <message>
        <location filename="../ui/pages/ratelimitpage.cpp" line="+55"/>
        <source>Locked addresses</source>
        <translation>Adresses bloquées</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unblock</source>
        <translation>Débloquer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>An address is locked after too many failed logins; it may try again when the time runs out, or at once when you unblock it.</source>
        <translation>Une adresse est bloquée après trop de connexions échouées&#x202f;; elle peut réessayer une fois le délai écoulé, ou immédiatement si vous la débloquez.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Rate-limit log</source>
        <translation>Journal de limitation</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filter by address (e.g. 192.168.1.)</source>
        <translation>Filtrer par adresse (p. ex. 192.168.1.)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any time</source>
        <translation>Toute période</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 15 minutes</source>
        <translation>15 dernières minutes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 24 hours</source>
        <translation>24 dernières heures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>%1 may log in again.</source>
        <translation>%1 peut de nouveau se connecter.</translation>
    </message>
</context>
<context>
    <name>SecretDialog</name>
    <message>
        <location filename="../ui/dialogs/secretdialog.cpp" line="+16"/>
        <source>New API token</source>
        <translation>Nouveau jeton d’API</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Copy this token now.&lt;/b&gt; This is the only time it is shown: Gatehouse keeps only a hash of it and cannot show it again. Anyone who has it can use the encoder&apos;s API with the token&apos;s permissions, so store it like a password.</source>
        <translation>&lt;b&gt;Copiez ce jeton maintenant.&lt;/b&gt; Il n’est affiché qu’une seule fois&#xa0;: Gatehouse n’en conserve qu’un hachage et ne peut plus l’afficher. Quiconque le détient peut utiliser l’API de l’encodeur avec les permissions du jeton&#x202f;; conservez-le donc comme un mot de passe.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>I have stored it</source>
        <translation>Je l’ai conservé</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Token &quot;%1&quot; was created.</source>
        <translation>Le jeton «&#x202f;%1&#x202f;» a été créé.</translation>
    </message>
</context>
<context>
    <name>ServingOptions</name>
    <message>
        <location filename="../server/config/servingoptions.cpp" line="+23"/>
        <source>Configuration file (INI).</source>
        <translation>Fichier de configuration (INI).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data directory (database, keys, certificate).</source>
        <translation>Répertoire de données (base de données, clés, certificat).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Address and port, default 0.0.0.0:3539.</source>
        <translation>Adresse et port, par défaut 0.0.0.0:3539.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Serve plain HTTP instead of HTTPS (behind a proxy, tests).</source>
        <translation>Servir en HTTP simple au lieu de HTTPS (derrière un proxy, tests).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sqlite:PATH (default &lt;data dir&gt;/gatehouse.db) or postgresql://USER@HOST[:PORT]/DB (password from PGPASSWORD).</source>
        <translation>sqlite:CHEMIN (par défaut &lt;répertoire de données&gt;/gatehouse.db) ou postgresql://UTILISATEUR@HÔTE[:PORT]/BASE (mot de passe dans PGPASSWORD).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Seed the admin password from this file if none is set.</source>
        <translation>Initialiser le mot de passe d’admin à partir de ce fichier s’il n’y en a pas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refuse to run open: answer 503 until a password is set.</source>
        <translation>Refuser de fonctionner sans protection&#xa0;: répondre 503 tant qu’aucun mot de passe n’est défini.</translation>
    </message>
</context>
<context>
    <name>SessionModel</name>
    <message>
        <location filename="../ui/models/sessionmodel.cpp" line="+166"/>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dialect</source>
        <translation>Dialecte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client address</source>
        <translation>Adresse du client</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User agent</source>
        <translation>Agent utilisateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last seen</source>
        <translation>Vue en dernier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expires</source>
        <translation>Expire</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <location filename="../ui/pages/sessionspage.cpp" line="+19"/>
        <source>Revoke session</source>
        <translation>Révoquer la session</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+94"/>
        <source>Revoke all of user…</source>
        <translation>Tout révoquer pour l’utilisateur…</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Filter by user or address</source>
        <translation>Filtrer par utilisateur ou adresse</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Revoke all of %1…</source>
        <translation>Tout révoquer pour %1…</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 sessions</source>
        <translation>%1 sessions sur %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A session of %1 was revoked.</source>
        <translation>Une session de %1 a été révoquée.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>End every session of %1?</source>
        <translation>Mettre fin à toutes les sessions de %1&#x202f;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>They are logged out everywhere and must log in again.</source>
        <translation>Le compte est déconnecté partout et doit se reconnecter.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revoke all</source>
        <translation>Tout révoquer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every session of %1 was revoked.</source>
        <translation>Toutes les sessions de %1 ont été révoquées.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../server/config/configloader.cpp" line="+155"/>
        <source>directory for the database, keys and certificate</source>
        <translation>répertoire de la base de données, des clés et du certificat</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ADDR:PORT to serve on (default 0.0.0.0:3539)</source>
        <translation>ADRESSE:PORT où servir (par défaut 0.0.0.0:3539)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>serve plain HTTP instead of HTTPS (behind a proxy, tests)</source>
        <translation>servir en HTTP simple au lieu de HTTPS (derrière un proxy, tests)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sqlite:PATH (default &lt;data dir&gt;/gatehouse.db) or postgresql://USER@HOST[:PORT]/DB</source>
        <translation>sqlite:CHEMIN (par défaut &lt;répertoire de données&gt;/gatehouse.db) ou postgresql://UTILISATEUR@HÔTE[:PORT]/BASE</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>seed the admin password from this file&apos;s first line if none is set</source>
        <translation>initialiser le mot de passe d’admin à partir de la première ligne de ce fichier s’il n’y en a pas</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>refuse to run open: 503 until a password is set</source>
        <translation>refuser de fonctionner sans protection&#xa0;: 503 tant qu’aucun mot de passe n’est défini</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>serve GET /metrics and count requests for it (default true)</source>
        <translation>servir GET /metrics et y compter les requêtes (true par défaut)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>auto | keychain | file</source>
        <translation>auto | keychain | file</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the 32-byte master key file every instance of a shared database uses</source>
        <translation>le fichier de clé maîtresse de 32 octets que chaque instance d’une base partagée utilise</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>failures per IP within the window before a lockout (0 = never lock)</source>
        <translation>échecs par IP dans la fenêtre avant un blocage (0 = jamais bloquer)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the failure window</source>
        <translation>la fenêtre des échecs</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sustained requests per second per IP (0 = off)</source>
        <translation>requêtes par seconde et par IP en continu (0 = désactivé)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>burst per IP</source>
        <translation>rafale par IP</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>comma-separated addresses/subnets whose X-Forwarded-For is believed</source>
        <translation>adresses/sous-réseaux séparés par des virgules dont l’en-tête X-Forwarded-For est cru</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>flex token lifetime (24h)</source>
        <translation>durée de vie des jetons flex (24h)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>rest access token lifetime (8h)</source>
        <translation>durée de vie des jetons d’accès rest (8h)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>manager access token lifetime (15m)</source>
        <translation>durée de vie des jetons d’accès manager (15m)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>refresh token lifetime (7d)</source>
        <translation>durée de vie des jetons de rafraîchissement (7d)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>declared resources, e.g. redirect,page,agent</source>
        <translation>ressources déclarées, p. ex. redirect,page,agent</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>forward-auth rules &quot;METHODS PATH-PREFIX REQUIREMENT; ...&quot;, e.g. &quot;GET /pages page:read&quot;</source>
        <translation>règles de forward-auth «&#x202f;MÉTHODES PRÉFIXE-DE-CHEMIN EXIGENCE; ...&#x202f;», p. ex. «&#x202f;GET /pages page:read&#x202f;»</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>password hashing threads</source>
        <translation>threads de hachage des mots de passe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>hash jobs queued before 503 busy</source>
        <translation>tâches de hachage en file avant une réponse 503 (occupé)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>request headers deadline (10000)</source>
        <translation>délai pour les en-têtes de la requête (10000)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>keep-alive idle deadline (60000)</source>
        <translation>délai d’inactivité keep-alive (60000)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>open connections in all (2048)</source>
        <translation>connexions ouvertes au total (2048)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>open connections per client IP (256)</source>
        <translation>connexions ouvertes par IP de client (256)</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>Settings (gatehouse.conf key / environment), later wins: file &lt; environment &lt; command line:</source>
        <translation>Paramètres (clé de gatehouse.conf / environnement), le dernier l’emporte&#xa0;: fichier &lt; environnement &lt; ligne de commande&#xa0;:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>environment only</source>
        <translation>environnement seulement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>raw HMAC key for JWTs; default: from the key store</source>
        <translation>clé HMAC brute pour les JWT&#x202f;; par défaut&#xa0;: celle du magasin de clés</translation>
    </message>
    <message>
        <location filename="../server/config/oidcconfig.cpp" line="+62"/>
        <source>OpenID provider&apos;s issuer URL (https, or http on loopback); empty = off</source>
        <translation>URL de l’émetteur du fournisseur OpenID (https, ou http en boucle locale)&#x202f;; vide = désactivé</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>client id at the OpenID provider</source>
        <translation>identifiant client auprès du fournisseur OpenID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>file holding the client secret (or GATEHOUSE_OIDC_CLIENT_SECRET)</source>
        <translation>fichier contenant le secret client (ou GATEHOUSE_OIDC_CLIENT_SECRET)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>redirect URI registered at the provider (default &lt;URL&gt;/auth/openid/callback)</source>
        <translation>URI de redirection enregistrée auprès du fournisseur (par défaut &lt;URL&gt;/auth/openid/callback)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>scopes asked for (openid profile email)</source>
        <translation>portées demandées (openid profile email)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>role of an account a first OpenID login creates (viewer)</source>
        <translation>rôle d’un compte créé par une première connexion OpenID (viewer)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>link a first OpenID login to the account named by its verified email (false)</source>
        <translation>lier une première connexion OpenID au compte désigné par son adresse e-mail vérifiée (false)</translation>
    </message>
</context>
<context>
    <name>StatusIcons</name>
    <message>
        <location filename="../ui/statusicons.cpp" line="+86"/>
        <source>Gatehouse is serving; a password protects the encoder</source>
        <translation>Gatehouse est en service&#x202f;; un mot de passe protège l’encodeur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gatehouse is serving WITHOUT a password</source>
        <translation>Gatehouse est en service SANS mot de passe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Login attack in progress: addresses are being locked out</source>
        <translation>Attaque de connexion en cours&#xa0;: des adresses sont bloquées</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gatehouse is not serving</source>
        <translation>Gatehouse est hors service</translation>
    </message>
</context>
<context>
    <name>TimeFormat</name>
    <message>
        <location filename="../ui/timeformat.cpp" line="+17"/>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 d %2 h</source>
        <translation>%1 j %2 h</translation>
    </message>
</context>
<context>
    <name>TokenDialog</name>
    <message>
        <location filename="../ui/dialogs/tokendialog.cpp" line="+18"/>
        <source>Expires on</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create API token</source>
        <translation>Créer un jeton d’API</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What uses it, e.g. &quot;monitoring&quot;</source>
        <translation>Ce qui l’utilise, p. ex. «&#x202f;monitoring&#x202f;»</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Permissions</source>
        <translation>Permissions</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expiry</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Create token</source>
        <translation>Créer le jeton</translation>
    </message>
</context>
<context>
    <name>TokenModel</name>
    <message>
        <location filename="../ui/models/tokenmodel.cpp" line="+8"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permissions</source>
        <translation>Permissions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires</source>
        <translation>Expire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last use</source>
        <translation>Dernière utilisation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 from %2</source>
        <translation>%1 depuis %2</translation>
    </message>
</context>
<context>
    <name>TokensPage</name>
    <message>
        <location filename="../ui/pages/tokenspage.cpp" line="+18"/>
        <source>Revoke…</source>
        <translation>Révoquer…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Create token…</source>
        <translation>Créer un jeton…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>API tokens let scripts and other systems use the encoder&apos;s API without a password. Each token has its own permissions and can be revoked on its own.</source>
        <translation>Les jetons d’API permettent aux scripts et à d’autres systèmes d’utiliser l’API de l’encodeur sans mot de passe. Chaque jeton a ses propres permissions et peut être révoqué séparément.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Revoke the token &quot;%1&quot;?</source>
        <translation>Révoquer le jeton «&#x202f;%1&#x202f;»&#x202f;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whatever uses it is refused from now on. This cannot be undone.</source>
        <translation>Tout ce qui l’utilise est désormais refusé. Cette action est irréversible.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revoke</source>
        <translation>Révoquer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Token &quot;%1&quot; was revoked.</source>
        <translation>Le jeton «&#x202f;%1&#x202f;» a été révoqué.</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <location filename="../ui/trayicon.cpp" line="+12"/>
        <source>Show control panel</source>
        <translation>Afficher le panneau de contrôle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit (stop serving)</source>
        <translation>Quitter (arrêter le service)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
</context>
</TS>
