#include "common/logging.h"

Q_LOGGING_CATEGORY(lcConfig, "opsdeck.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "opsdeck.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRedis, "opsdeck.redis", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHealth, "opsdeck.health", QtInfoMsg)
Q_LOGGING_CATEGORY(lcScoring, "opsdeck.scoring", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPlugins, "opsdeck.plugins", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCli, "opsdeck.cli", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGui, "opsdeck.gui", QtInfoMsg)
