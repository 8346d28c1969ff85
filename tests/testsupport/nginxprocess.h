#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// The site an nginx in front of gatehoused serves: every path of the protected API goes
// through `auth_request` to gatehoused's /auth/verify, then to the API. siteConfiguration()
// of the defaults is, line for line, the example in docs/FORWARD-AUTH.md (a test compares
// them), so the documented configuration is the one the end-to-end test runs.
struct NginxSite
{
    QString listen = QStringLiteral("80");                                     // nginx's `listen` argument
    QStringList gatehouses = {QStringLiteral("127.0.0.1:3539")};               // gatehoused instances' addresses
    QString api = QStringLiteral("127.0.0.1:8080");                            // the protected API ("unix:/path" too)
    bool tls = false;                                                          // https between nginx and gatehoused
    QString caCertificate = QStringLiteral("/var/lib/gatehouse/tls/cert.pem"); // TLS: trust this
    QString tlsName = QStringLiteral("localhost"); // TLS: a name in gatehoused's certificate
};

// Debian's nginx-light (/usr/sbin/nginx, built with auth_request) as a child process on a
// free port of 127.0.0.1, with a generated configuration in a temporary directory.
//
// The protected API is nginx itself: a second server on a unix socket in that directory
// answers every method with `200 page <method> <uri>` and echoes the X-Auth-* headers it
// received as X-Seen-Auth-*, so a test sees what the upstream was told. nginx runs in the
// foreground as one process (`master_process off`): it never switches user, so it runs the
// same as root or not, and every path it writes (pid, logs, temp files) is in the directory.
class NginxProcess
{
public:
    NginxProcess();
    ~NginxProcess(); // stops a process still running

    static QString binaryPath(); // /usr/sbin/nginx
    static bool isAvailable();
    // The protected site (upstreams and server block), as nginx reads it in `http { }`.
    static QString siteConfiguration(const NginxSite& site);

    // Starts nginx for `site` (listen and api are replaced by the free port and the unix
    // socket) and waits until it accepts connections. A port taken between choosing and
    // binding it is replaced by another, a few times over.
    bool start(const NginxSite& site, int timeoutMs = 20'000);
    // SIGTERM, then waits; true if nginx exited on its own (else it is killed).
    bool stop(int timeoutMs = 10'000);

    bool isRunning() const;
    quint16 port() const { return m_port; }
    QString url(const QString& path = {}) const; // http://127.0.0.1:<port><path>
    QByteArray errorLog() const;
    QString startError() const { return m_startError; }

private:
    enum class Attempt {
        Started,
        PortTaken,
        Failed
    };

    Attempt startOnce(const NginxSite& site, int timeoutMs);
    bool waitUntilReady(int timeoutMs);
    QString mainConfiguration(const NginxSite& site) const;
    QString path(const QString& name) const;
    static quint16 freePort();

    QProcess m_process;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_startError;
    quint16 m_port = 0;
};
