#pragma once

#include <QByteArrayView>

// Compares secrets (MACs, token hashes) in time independent of where they differ, so a
// remote caller cannot learn a correct prefix by timing. Unequal lengths return false
// at once: lengths here are public (fixed-size MACs).
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);
