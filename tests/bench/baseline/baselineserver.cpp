// bench_baseline_httpserver: a bare QHttpServer 6.4, the yardstick the load benchmark
// (tests/bench/run.sh) holds Gatehouse against. It is not part of the server and links only
// Qt6::HttpServer; every QHttpServer call of the benchmark lives in this file.
//
// GET /session answers what the fastest hand-written QHttpServer handler would for the same
// question: constant JSON bytes of the size of Gatehouse's /flex/auth/session answer, with
// the content type named, so QHttpServer sniffs no MIME type (a handler returning a plain
// string pays for that on every request). GET /hello is the old hello-world, kept as a
// second reference only. Like gatehoused it runs on Qt's UNIX event dispatcher (QT_NO_GLIB).
//
//   bench_baseline_httpserver [--tls CERT KEY] [PORT]
//
// Listens on 127.0.0.1 (loopback only: a benchmark target, never a service), PORT or an
// ephemeral port when 0 or absent, and prints "Baseline serving <url>" once listening.

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QSslCertificate>
#include <QSslKey>

#include <cstdio>
#include <optional>

namespace {

struct Arguments
{
    quint16 port = 0;
    QString certPath;
    QString keyPath;
    bool tls() const { return !certPath.isEmpty(); }
};

std::optional<Arguments> parseArguments(const QStringList& list)
{
    Arguments args;
    for (qsizetype i = 1; i < list.size(); ++i) {
        if (list.at(i) == u"--tls" && i + 2 < list.size()) {
            args.certPath = list.at(i + 1);
            args.keyPath = list.at(i + 2);
            i += 2;
            continue;
        }
        bool ok = false;
        const uint port = list.at(i).toUInt(&ok);
        if (!ok || port > 65535)
            return std::nullopt;
        args.port = quint16(port);
    }
    return args;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The same PEM pair gatehoused generated (ECDSA P-256), so both servers do the same handshake work.
bool setUpTls(QHttpServer& server, const Arguments& args)
{
    const QSslCertificate certificate(readFile(args.certPath), QSsl::Pem);
    const QSslKey key(readFile(args.keyPath), QSsl::Ec, QSsl::Pem);
    if (certificate.isNull() || key.isNull()) {
        std::fprintf(stderr, "bench_baseline_httpserver: cannot load the certificate or the EC key\n");
        return false;
    }
    server.sslSetup(certificate, key, QSsl::TlsV1_2OrLater);
    return true;
}

} // namespace

int main(int argc, char* argv[])
{
    // Qt's plain UNIX event dispatcher, as gatehoused chooses it (it costs about 13 % less per
    // request than glib's, docs/PERFORMANCE.md): the ceiling is the fastest QHttpServer, not
    // Qt's default one. Must be set before QCoreApplication.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    const auto args = parseArguments(QCoreApplication::arguments());
    if (!args) {
        std::fprintf(stderr, "usage: bench_baseline_httpserver [--tls CERT KEY] [PORT]\n");
        return 2;
    }

    QHttpServer server;
    // {"user":"admin","created_at":"...","expires_at":"..."}, as Gatehouse answers it.
    static const QByteArray Session =
        R"({"user":"admin","created_at":"2026-12-06T17:53:29Z","expires_at":"2026-12-07T17:53:29Z"})";
    server.route(QStringLiteral("/session"),
                 []() { return QHttpServerResponse(QByteArrayLiteral("application/json"), Session); });
    server.route(QStringLiteral("/hello"), []() { return "hello"; });
    if (args->tls() && !setUpTls(server, *args))
        return 1;
    const quint16 port = server.listen(QHostAddress(QHostAddress::LocalHost), args->port);
    if (port == 0) {
        std::fprintf(stderr, "bench_baseline_httpserver: cannot listen on port %u\n", unsigned(args->port));
        return 1;
    }
    std::printf("Baseline serving %s://127.0.0.1:%u\n", args->tls() ? "https" : "http", unsigned(port));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
