#include "serverlogging.h"

Q_LOGGING_CATEGORY(lcServer, "gatehouse.server", QtInfoMsg)
