#pragma once

// libsodium must be initialised once before its first use (it picks the fastest
// implementations and opens the RNG); thread-safe, cheap after the first call.
void ensureSodiumInitialised();
