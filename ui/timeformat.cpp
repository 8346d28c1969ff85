#include "timeformat.h"

#include <QCoreApplication>
#include <QDateTime>

namespace TimeFormat {

QString dateTime(qint64 ms)
{
    if (ms == 0)
        return QString();
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString dateTimeOrNever(qint64 ms)
{
    return ms == 0 ? QCoreApplication::translate("TimeFormat", "never") : dateTime(ms);
}

QString duration(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    if (seconds < 60)
        return QCoreApplication::translate("TimeFormat", "%1 s").arg(seconds);
    const qint64 minutes = (seconds + 59) / 60;
    if (minutes < 60)
        return QCoreApplication::translate("TimeFormat", "%1 min").arg(minutes);
    if (minutes < 24 * 60)
        return QCoreApplication::translate("TimeFormat", "%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
    return QCoreApplication::translate("TimeFormat", "%1 d %2 h")
        .arg(minutes / (24 * 60))
        .arg(minutes % (24 * 60) / 60);
}

} // namespace TimeFormat
