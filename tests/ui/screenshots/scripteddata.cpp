#include "scripteddata.h"

#include "support/panelfixture.h"
#include "tests/testsupport/apitokenhelpers.h"

#include <QJsonObject>
#include <QtMath>

namespace ScriptedData {

namespace {

struct Client
{
    const char* ip;
    const char* userAgent;
};

const Client Clients[] = {
    {"192.168.10.21", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36"},
    {"192.168.10.34", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"},
    {"10.20.0.5", "encoder-remote/2.3 (Android 14)"},
    {"10.20.0.9", "python-requests/2.31.0"},
    {"192.168.10.77", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Safari/605.1.15"},
};

struct User
{
    const char* name;
    const char* role;
    const char* firstname;
    const char* lastname;
};

const User Users[] = {
    {"alice", "operator", "Alice", "Martin"},
    {"bruno", "operator", "Bruno", "Keller"},
    {"chloe", "viewer", "Chloé", "Dubois"},
    {"deploy", "admin", "", ""},
};

RequestHeaders from(const Client& client)
{
    return {{"X-Forwarded-For", client.ip}, {"User-Agent", client.userAgent}};
}

bool login(PanelFixture& f, const QString& user, const QString& password, const Client& client)
{
    const QJsonObject body{{QStringLiteral("username"), user}, {QStringLiteral("password"), password}};
    return f.http.post(f.server.url(QStringLiteral("/api/auth/login")), body, from(client)).status == 200;
}

bool createAccounts(PanelFixture& f, QString* error)
{
    for (const User& user : Users) {
        QJsonObject body =
            RestClient::userBody(QLatin1String(user.name), TestPasswords::second(), QLatin1String(user.role));
        body.insert(QStringLiteral("firstname"), QString::fromUtf8(user.firstname));
        body.insert(QStringLiteral("lastname"), QString::fromUtf8(user.lastname));
        if (f.rest.createUser(body, RestFixture::adminBasic()).status != 201) {
            *error = QStringLiteral("could not create %1").arg(QLatin1String(user.name));
            return false;
        }
    }
    return true;
}

bool createTokens(PanelFixture& f, QString* error)
{
    const RequestHeaders admin = RestFixture::adminBasic();
    const auto monitoring = TokenApi::create(f.rest, admin, QStringLiteral("monitoring"),
                                             {QStringLiteral("sessions:read"), QStringLiteral("logs:read")});
    const auto backup = TokenApi::create(f.rest, admin, QStringLiteral("nightly config backup"),
                                         {QStringLiteral("system:read"), QStringLiteral("users:read")});
    const auto ci = TokenApi::create(f.rest, admin, QStringLiteral("ci-deploy"), {QStringLiteral("system:write")});
    if (!monitoring.ok() || !backup.ok() || !ci.ok()) {
        *error = QStringLiteral("could not create the API tokens");
        return false;
    }
    f.rest.listSessions(HttpClient::bearer(monitoring.secret)); // so that it shows a last use
    return true;
}

// An hour of ordinary traffic: a few logins a minute, the odd typo.
void ordinaryHour(PanelFixture& f)
{
    for (int minute = 0; minute < 55; ++minute) {
        f.server.clock().advanceSecs(60);
        const int logins = int(2 + 2 * qSin(minute / 6.0));
        for (int i = 0; i < logins; ++i) {
            const Client& client = Clients[(minute + i) % 5];
            login(f, QLatin1String(Users[(minute + i) % 3].name), TestPasswords::second(), client);
        }
        if (minute % 9 == 4)
            login(f, QStringLiteral("alice"), TestPasswords::wrong(), Clients[0]);
    }
}

// A password-guessing run from one address: it is locked out after five failures.
void attack(PanelFixture& f)
{
    const Client attacker{"203.0.113.66", "python-requests/2.28.1"};
    const char* const guesses[] = {"admin", "root", "operator", "admin", "admin", "admin", "encoder"};
    for (int i = 0; i < 7; ++i)
        login(f, QLatin1String(guesses[i]), QStringLiteral("Summer2024!guess-%1").arg(i), attacker);
    const Client other{"198.51.100.23", "curl/7.88.1"};
    login(f, QStringLiteral("admin"), TestPasswords::wrong(), other);
    f.server.clock().advanceSecs(60);
}

} // namespace

bool populate(PanelFixture& f, QString* error)
{
    if (!f.enableAuth()) {
        *error = QStringLiteral("could not set the device password");
        return false;
    }
    if (!createAccounts(f, error) || !createTokens(f, error))
        return false;
    ordinaryHour(f);
    attack(f);
    login(f, QStringLiteral("admin"), TestPasswords::first(), Clients[4]);
    return true;
}

} // namespace ScriptedData
