#include "http/routetable.h"

int RouteTable::match(HttpMethod method, QStringView path, QStringList* params) const
{
    // HEAD is answered by the GET route when no HEAD route exists (the body is dropped).
    int getRoute = -1;
    for (size_t i = 0; i < m_routes.size(); ++i) {
        const Route& route = m_routes[i];
        if (route.method == method && matchRoutePattern(route.pattern, path, params))
            return int(i);
        if (method == HttpMethod::Head && getRoute < 0 && route.method == HttpMethod::Get
            && matchRoutePattern(route.pattern, path, nullptr))
            getRoute = int(i);
    }
    if (getRoute >= 0 && params)
        matchRoutePattern(m_routes[size_t(getRoute)].pattern, path, params);
    return getRoute;
}

bool matchRoutePattern(QStringView pattern, QStringView path, QStringList* params)
{
    const qsizetype paramsBefore = params ? params->size() : 0;
    qsizetype p = 0;
    qsizetype s = 0;
    while (p < pattern.size()) {
        if (pattern[p] == QLatin1Char('{')) {
            const qsizetype close = pattern.indexOf(QLatin1Char('}'), p);
            qsizetype end = path.indexOf(QLatin1Char('/'), s);
            if (end < 0)
                end = path.size();
            if (close < 0 || end == s)
                break; // malformed pattern, or an empty segment: no match
            if (params)
                params->append(path.sliced(s, end - s).toString());
            p = close + 1;
            s = end;
            continue;
        }
        if (s >= path.size() || pattern[p] != path[s])
            break;
        ++p;
        ++s;
    }
    if (p == pattern.size() && s == path.size())
        return true;
    if (params)
        params->resize(paramsBefore);
    return false;
}
