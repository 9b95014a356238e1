#include "ui/server/LogLevelDelegate.h"

#include "ui/server/LogTableModel.h"

#include <QPalette>
#include <algorithm>
#include <cmath>

namespace trellis::ui {

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor mixed(const QColor &base, const QColor &tint, qreal share)
{
    return QColor::fromRgbF(float(base.redF() * (1 - share) + tint.redF() * share),
                            float(base.greenF() * (1 - share) + tint.greenF() * share),
                            float(base.blueF() * (1 - share) + tint.blueF() * share));
}

double luminance(const QColor &colour)
{
    auto linear = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) +
           0.0722 * linear(colour.blueF());
}

// WCAG 2 contrast ratio; 4.5 is its minimum for normal text.
double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// The level's hue as it reads on a light or a dark base.
QColor hueOf(api::LogLevel level, bool dark)
{
    switch (level) {
    case api::LogLevel::Warning:
        return dark ? QColor(0xf2, 0xc1, 0x4e) : QColor(0x8a, 0x5a, 0x00);
    case api::LogLevel::Critical:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
    case api::LogLevel::Debug:
    case api::LogLevel::Info:
        break;
    }
    return {};
}

} // namespace

QColor LogLevelDelegate::rowBackground(api::LogLevel level, const QPalette &palette)
{
    const bool dark = isDark(palette);
    const QColor hue = hueOf(level, dark);
    if (!hue.isValid())
        return {};
    // A faint wash of the hue: the row stands out, its text stays in the palette's colour.
    return mixed(palette.color(QPalette::Base), hue, dark ? 0.2 : 0.14);
}

QColor LogLevelDelegate::accent(api::LogLevel level, const QPalette &palette)
{
    const bool dark = isDark(palette);
    QColor colour = hueOf(level, dark);
    if (!colour.isValid())
        return {};
    // Palettes differ: lighten (on dark) or darken (on light) the hue until it reads on its row.
    const QColor background = rowBackground(level, palette);
    for (int step = 0; step < 30 && contrast(colour, background) < 4.5; ++step)
        colour = dark ? colour.lighter(108) : colour.darker(108);
    return colour;
}

void LogLevelDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const auto level = api::LogLevel(index.data(LogTableModel::LevelRole).toInt());
    if (level == api::LogLevel::Debug) {
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
        return;
    }
    const QColor background = rowBackground(level, option->palette);
    if (!background.isValid())
        return;
    option->backgroundBrush = background;
    if (index.column() == LogTableModel::LevelColumn) {
        option->palette.setColor(QPalette::Text, accent(level, option->palette));
        option->font.setBold(true);
    }
}

} // namespace trellis::ui
