#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// Looks for secrets (passwords, tokens, keys) in raw bytes: database files, logs, table
// dumps. Each secret is searched in the encodings it could leak in.
class SecretScan
{
public:
    // `label` names the secret in failure messages without printing it.
    void addSecret(const QString& label, const QByteArray& secret);
    // A password: its UTF-8 bytes, UTF-16LE, lower-case hex, base64 and base64url.
    void addPassword(const QString& label, const QString& password);
    // A JWT: the whole token and its signature part.
    void addToken(const QString& label, const QByteArray& token);

    // Labels (with the encoding) of every secret found in `haystack`.
    QStringList findIn(const QByteArray& haystack) const;
    int count() const { return int(m_needles.size()); }

    // Every row of every table of a SQLite file (with its WAL), as text
    // ("table|col=value|..."), read from a private copy.
    static QByteArray dumpSqlite(const QString& path, QStringList* tableNames = nullptr);
    // The rows of the first table whose name contains `nameContains`.
    static int countRows(const QString& path, const QString& nameContains);
    static QByteArray readFileBytes(const QString& path); // "" if missing

private:
    struct Needle
    {
        QString label;
        QByteArray bytes;
    };
    QList<Needle> m_needles;
};
