#include "crypto/sodiuminit.h"

#include <sodium.h>

#include <mutex>
#include <stdexcept>

void ensureSodiumInitialised()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0)
            throw std::runtime_error("libsodium failed to initialise");
    });
}
