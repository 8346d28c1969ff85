#include "crypto/passwordpolicy.h"

#include <pwquality.h>

#include <mutex>

namespace {

// libpwquality is used for its dictionary (cracklib) check only: the composition rules
// (credits, classes, repeats) are switched off because length is what makes a password
// strong and API.md promises exactly these rules. Its palindrome check cannot be switched
// off and stays (a palindrome is half a password).
const char* const PwqualityOptions[] = {
    "minlen=6", // the library's floor; our own length rule runs first
    "dcredit=0",     "ucredit=0",    "lcredit=0",   "ocredit=0", "minclass=0",  "maxrepeat=0", "maxclassrepeat=0",
    "maxsequence=0", "gecoscheck=0", "usercheck=0", "difok=0",   "dictcheck=1", "enforcing=1",
};

// cracklib's FascistCheck keeps its opened dictionary in static state and is not
// thread-safe, so every check goes through one settings object under one mutex.
class Dictionary
{
public:
    Dictionary() : m_settings(pwquality_default_settings())
    {
        for (const char* option : PwqualityOptions) {
            if (m_settings)
                pwquality_set_option(m_settings, option);
        }
    }
    ~Dictionary() { pwquality_free_settings(m_settings); }

    int check(const QByteArray& password)
    {
        if (!m_settings)
            return PWQ_ERROR_MEM_ALLOC;
        const std::lock_guard lock(m_mutex);
        // No aux error: we only report the code, never cracklib's text about the password.
        return pwquality_check(m_settings, password.constData(), nullptr, nullptr, nullptr);
    }

private:
    pwquality_settings_t* m_settings;
    std::mutex m_mutex;
};

Dictionary& dictionary()
{
    static Dictionary instance;
    return instance;
}

int countCodePoints(const QString& text)
{
    int count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

bool isDecoration(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x21 && u < 0x7F && !QChar::isLetter(u);
}

// cracklib misses a dictionary word dressed with digits or symbols at either end
// ("password1234", "Password2024!"), so the bare word is checked as well. Words shorter
// than libpwquality's floor of 6 cannot be checked this way.
QByteArray stripDecoration(const QByteArray& password)
{
    qsizetype begin = 0;
    qsizetype end = password.size();
    while (begin < end && isDecoration(password.at(begin)))
        ++begin;
    while (end > begin && isDecoration(password.at(end - 1)))
        --end;
    return password.sliced(begin, end - begin);
}

PasswordCheck refuse(PasswordCheck check, const QString& reason)
{
    check.acceptable = false;
    check.reason = reason;
    return check;
}

} // namespace

namespace PasswordPolicy {

QByteArray normalize(const QString& password)
{
    return password.normalized(QString::NormalizationForm_KC).toUtf8();
}

PasswordCheck checkLength(const QString& password)
{
    PasswordCheck check;
    const QString normalized = password.normalized(QString::NormalizationForm_KC);
    check.normalized = normalized.toUtf8();
    if (countCodePoints(normalized) < MinCodePoints)
        return refuse(check, QStringLiteral("Password must be at least %1 characters").arg(MinCodePoints));
    if (check.normalized.size() > MaxBytes)
        return refuse(check, QStringLiteral("Password must be at most %1 bytes").arg(MaxBytes));
    check.acceptable = true;
    return check;
}

PasswordCheck check(const QString& password)
{
    PasswordCheck result = checkLength(password);
    if (!result.acceptable)
        return result;
    int score = dictionary().check(result.normalized);
    const QByteArray bare = stripDecoration(result.normalized);
    if (score >= 0 && bare.size() != result.normalized.size() && bare.size() >= 6) {
        const int bareScore = dictionary().check(bare);
        if (bareScore == PWQ_ERROR_CRACKLIB_CHECK)
            score = bareScore;
    }
    if (score == PWQ_ERROR_CRACKLIB_CHECK)
        return refuse(result, QStringLiteral("Password is too common (it is based on a dictionary word)"));
    if (score < 0)
        return refuse(result, QStringLiteral("Password is too simple"));
    return result;
}

} // namespace PasswordPolicy
