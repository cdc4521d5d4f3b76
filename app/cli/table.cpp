#include "cli/table.h"

namespace Opsdeck::Cli {

TextTable::TextTable(QStringList header)
    : m_header(std::move(header))
{
}

void TextTable::setRightAligned(int column)
{
    m_right.append(column);
}

void TextTable::addRow(QStringList cells, QByteArray ansiColour)
{
    while (cells.size() < m_header.size())
        cells.append(QString());
    m_rows.append(std::move(cells));
    m_colours.append(std::move(ansiColour));
}

QString TextTable::render() const
{
    QList<qsizetype> widths(m_header.size(), 0);
    auto measure = [&](const QStringList &cells) {
        for (qsizetype c = 0; c < m_header.size(); ++c)
            widths[c] = std::max(widths[c], cells.value(c).size());
    };
    measure(m_header);
    for (const auto &row : m_rows)
        measure(row);
    auto line = [&](const QStringList &cells) {
        QString text;
        for (qsizetype c = 0; c < m_header.size(); ++c) {
            const QString cell = cells.value(c);
            const bool last = c + 1 == m_header.size();
            if (m_right.contains(int(c)))
                text += cell.rightJustified(widths[c]);
            else
                text += last ? cell : cell.leftJustified(widths[c]);
            if (!last)
                text += QStringLiteral("  ");
        }
        return text;
    };
    QString out = line(m_header) + u'\n';
    for (qsizetype r = 0; r < m_rows.size(); ++r) {
        const QByteArray &colour = m_colours.at(r);
        if (colour.isEmpty())
            out += line(m_rows.at(r)) + u'\n';
        else
            out += QStringLiteral("\x1b[") + QString::fromLatin1(colour) + u'm' + line(m_rows.at(r))
                   + QStringLiteral("\x1b[0m\n");
    }
    return out;
}

} // namespace Opsdeck::Cli
