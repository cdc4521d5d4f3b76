#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace Opsdeck::Cli {

/// A plain-text table for terminal output: columns sized to their widest cell, two spaces apart, optional ANSI
/// colour per row (applied to the whole row only when a colour code is given).
class TextTable final
{
public:
    explicit TextTable(QStringList header);
    void setRightAligned(int column);
    void addRow(QStringList cells, QByteArray ansiColour = {});
    [[nodiscard]] QString render() const;

private:
    QStringList m_header;
    QList<QStringList> m_rows;
    QList<QByteArray> m_colours;
    QList<int> m_right;
};

} // namespace Opsdeck::Cli
