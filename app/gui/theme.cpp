#include "theme.h"

#include <array>

namespace Opsdeck::Gui {

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QColor stateColor(Core::HealthState state, bool dark)
{
    // Light variants are dark enough for text on white (contrast ≥ 4.5:1); dark variants are light enough on
    // a near-black base.
    switch (state) {
    case Core::HealthState::Up:
        return dark ? QColor(0x57, 0xd3, 0x82) : QColor(0x1a, 0x7f, 0x37);
    case Core::HealthState::Degraded:
        return dark ? QColor(0xe8, 0xb9, 0x4a) : QColor(0x9a, 0x67, 0x00);
    case Core::HealthState::AuthRefused:
        return dark ? QColor(0xd2, 0xa8, 0xff) : QColor(0x82, 0x50, 0xdf);
    case Core::HealthState::Unreachable:
        return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xcf, 0x22, 0x2e);
    case Core::HealthState::ConfigError:
        return dark ? QColor(0xf0, 0x88, 0x3e) : QColor(0xa4, 0x3e, 0x00);
    case Core::HealthState::Checking:
        return dark ? QColor(0x9d, 0xa5, 0xb0) : QColor(0x5f, 0x67, 0x73);
    }
    return dark ? QColor(Qt::white) : QColor(Qt::black);
}

QColor seriesColor(int index, bool dark)
{
    static constexpr std::array<QRgb, 8> light = {0x1f6feb, 0xbf5b04, 0x1a7f37, 0x8250df, 0xbf3989,
                                                  0x0a7d8c, 0x6e7781, 0x953800};
    static constexpr std::array<QRgb, 8> darkSet = {0x58a6ff, 0xf0883e, 0x56d364, 0xbc8cff, 0xf778ba,
                                                    0x39c5cf, 0xb1bac4, 0xffa657};
    const auto &set = dark ? darkSet : light;
    return QColor::fromRgb(set.at(std::size_t(index) % set.size()));
}

QColor warningBackground(bool dark)
{
    return dark ? QColor(0x4b, 0x38, 0x0c) : QColor(0xff, 0xf3, 0xcd);
}

QColor warningForeground(bool dark)
{
    return dark ? QColor(0xf5, 0xe0, 0xa8) : QColor(0x5c, 0x3d, 0x00);
}

QColor errorColor(bool dark)
{
    return stateColor(Core::HealthState::Unreachable, dark);
}

} // namespace Opsdeck::Gui
