#include "messagebanner.h"

#include "resources.h"
#include "theme.h"

#include <QtCore/QEvent>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QStyle>
#include <QtWidgets/QToolButton>

namespace Opsdeck::Gui {

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_label(new QLabel(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_label->setObjectName(QStringLiteral("messageBannerText"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setTextFormat(Qt::PlainText);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(icon(QStringLiteral("warning")).pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));
    m_icon->setAlignment(Qt::AlignTop);
    m_close->setObjectName(QStringLiteral("messageBannerClose"));
    m_close->setIcon(icon(QStringLiteral("close")));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Close this message"));
    m_close->setAccessibleName(tr("Close message"));
    connect(m_close, &QToolButton::clicked, this, &MessageBanner::dismiss);

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_icon);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    applyPalette();
    hide();
}

void MessageBanner::showMessage(const QString &message)
{
    if (message.isEmpty() || m_messages.contains(message))
        return;
    m_messages.append(message);
    if (m_messages.size() > maxMessages)   // a service that keeps flapping must not grow the window
        m_messages.remove(0, m_messages.size() - maxMessages);
    m_label->setText(m_messages.join(u'\n'));
    show();
}

void MessageBanner::dismiss()
{
    m_messages.clear();
    m_label->clear();
    hide();
}

QString MessageBanner::text() const
{
    return m_messages.join(u'\n');
}

void MessageBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void MessageBanner::applyPalette()
{
    // Read the window colour from the application palette: our own palette is the one being overridden here.
    const bool dark = isDarkPalette(parentWidget() ? parentWidget()->palette() : QPalette());
    QPalette p = palette();
    const QColor background = warningBackground(dark);
    const QColor foreground = warningForeground(dark);
    if (p.color(QPalette::Window) == background && p.color(QPalette::WindowText) == foreground)
        return;   // setPalette would send PaletteChange again
    p.setColor(QPalette::Window, background);
    p.setColor(QPalette::WindowText, foreground);
    setPalette(p);
}

} // namespace Opsdeck::Gui
