#include "common/logging.h"

Q_LOGGING_CATEGORY(lcConfig, "opsdeck.config", QtWarningMsg)
Q_LOGGING_CATEGORY(lcNet, "opsdeck.net", QtWarningMsg)
Q_LOGGING_CATEGORY(lcRedis, "opsdeck.redis", QtWarningMsg)
Q_LOGGING_CATEGORY(lcHealth, "opsdeck.health", QtWarningMsg)
Q_LOGGING_CATEGORY(lcScoring, "opsdeck.scoring", QtWarningMsg)
Q_LOGGING_CATEGORY(lcPlugins, "opsdeck.plugins", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCli, "opsdeck.cli", QtWarningMsg)
Q_LOGGING_CATEGORY(lcGui, "opsdeck.gui", QtWarningMsg)
