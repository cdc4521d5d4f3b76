#include "servicespage.h"

#include "common/logging.h"
#include "health/healthmonitor.h"
#include "health/healthtablemodel.h"
#include "healthstatedelegate.h"
#include "latencychart.h"
#include "resources.h"
#include "tablecopy.h"
#include "theme.h"

#include <QtCore/QEvent>
#include <QtCore/QLocale>
#include <QtCore/QSettings>
#include <QtWidgets/QApplication>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTableView>
#include <QtWidgets/QVBoxLayout>

namespace Opsdeck::Gui {

namespace {
const QString intervalKey = QStringLiteral("services/intervalSeconds");
const QString splitterKey = QStringLiteral("services/splitter");
} // namespace

ServicesPage::ServicesPage(QWidget *parent)
    : Page(parent)
    , m_monitor(new Core::HealthMonitor(this))
    , m_stateDelegate(new HealthStateDelegate(this))
    , m_table(new QTableView(this))
    , m_interval(new QSpinBox(this))
    , m_refreshButton(new QPushButton(this))
    , m_roundLabel(new QLabel(this))
    , m_chart(new LatencyChart(this))
{
    setObjectName(QStringLiteral("servicesPage"));

    auto *intervalLabel = new QLabel(tr("Refresh &every:"), this);
    intervalLabel->setBuddy(m_interval);
    m_interval->setObjectName(QStringLiteral("intervalSpinBox"));
    m_interval->setRange(minimumIntervalSeconds, maximumIntervalSeconds);
    m_interval->setSuffix(tr(" s"));
    m_interval->setAccelerated(true);
    m_interval->setToolTip(tr("Seconds between the end of one round of probes and the start of the next"));
    m_refreshButton->setObjectName(QStringLiteral("refreshButton"));
    m_refreshButton->setText(tr("&Refresh now"));
    m_refreshButton->setIcon(icon(QStringLiteral("refresh")));
    m_refreshButton->setToolTip(tr("Probe every service now (F5)"));
    m_roundLabel->setObjectName(QStringLiteral("roundLabel"));
    m_roundLabel->setTextFormat(Qt::PlainText);

    auto *controls = new QHBoxLayout;
    controls->addWidget(intervalLabel);
    controls->addWidget(m_interval);
    controls->addWidget(m_refreshButton);
    controls->addSpacing(fontMetrics().horizontalAdvance(u'M'));
    controls->addWidget(m_roundLabel, 1);

    m_table->setObjectName(QStringLiteral("servicesTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    addCopyRowsAction(m_table);   // Ctrl+C: the selected service's row, its full detail included
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setItemDelegateForColumn(Core::HealthTableModel::StateColumn, m_stateDelegate);
    m_table->setAccessibleName(tr("Services"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("servicesSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_table);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(splitter, 1);

    QSettings settings;
    setIntervalSeconds(settings.value(intervalKey, defaultIntervalSeconds).toInt());
    if (!splitter->restoreState(settings.value(splitterKey).toByteArray())) {
        // Room for a handful of services; the chart gets the rest.
        const int line = fontMetrics().lineSpacing();
        splitter->setSizes({line * 14, line * 22});
    }
    connect(splitter, &QSplitter::splitterMoved, this,
            [splitter] { QSettings().setValue(splitterKey, splitter->saveState()); });
    connect(m_interval, &QSpinBox::valueChanged, this, [this](int seconds) {
        m_monitor->setInterval(std::chrono::seconds(seconds));
        QSettings().setValue(intervalKey, seconds);
    });
    connect(m_refreshButton, &QPushButton::clicked, this, &ServicesPage::refresh);
    connect(m_monitor, &Core::HealthMonitor::roundStarted, this, &ServicesPage::updateRefreshButton);
    connect(m_monitor, &Core::HealthMonitor::roundFinished, this, &ServicesPage::onRoundFinished);
    // A service that changes state is announced in the window's banner (it keeps the last few such notices):
    // an operator looking away from the table still learns that Redis went down at 03:12 and came back.
    connect(m_monitor, &Core::HealthMonitor::stateChanged, this,
            [this](const Core::ServiceHealth &health, Core::HealthState before) {
                const QString at = health.checkedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
                if (health.state == Core::HealthState::Up) {
                    Q_EMIT issueRaised(tr("%1 %2 is up again (was %3)")
                                           .arg(at, health.name, Core::healthStateLabel(before)));
                } else {
                    const QString text = tr("%1 %2 is %3 (was %4)")
                                             .arg(at, health.name, Core::healthStateLabel(health.state),
                                                  Core::healthStateLabel(before));
                    Q_EMIT issueRaised(health.detail.isEmpty() ? text : text + u": " + health.detail);
                    QApplication::alert(window());   // a window in the background asks for attention
                }
            });

    applyScheme();
    updateRefreshButton();
    setStatus(tr("No round yet"));
}

ServicesPage::~ServicesPage()
{
    m_monitor->stop();
}

void ServicesPage::setProfile(const Core::Profile &profile)
{
    m_monitor->setProfile(profile);
    // HealthTableModel keeps the previous values while the keys stay the same (a new round of the same
    // profile); another profile's values must not linger, so the table gets a fresh model.
    auto *old = m_model;
    QItemSelectionModel *oldSelection = m_table->selectionModel();
    m_model = new Core::HealthTableModel(m_monitor, this);
    m_table->setModel(m_model);
    delete oldSelection;   // setModel() makes a new one and leaves the old one to us
    delete old;
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(Core::HealthTableModel::DetailColumn, QHeaderView::Stretch);
    m_columnsFitted = false;

    m_chart->clear();
    m_lastRound = {};
    setStatus(tr("No round yet"));
    if (!m_started) {
        m_started = true;
        m_monitor->start();
    }
    updateRefreshButton();
    qCDebug(lcGui) << "services page: profile" << profile.name;
}

void ServicesPage::refresh()
{
    if (!m_started) {
        m_started = true;
        m_monitor->start();
    } else {
        m_monitor->refresh();
    }
    updateRefreshButton();
}

QString ServicesPage::statusText() const
{
    return m_status;
}

void ServicesPage::setIntervalSeconds(int seconds)
{
    m_interval->setValue(std::clamp(seconds, minimumIntervalSeconds, maximumIntervalSeconds));
    m_monitor->setInterval(std::chrono::seconds(m_interval->value()));
}

int ServicesPage::intervalSeconds() const
{
    return m_interval->value();
}

void ServicesPage::changeEvent(QEvent *event)
{
    Page::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyScheme();
}

void ServicesPage::onRoundFinished()
{
    m_lastRound = QDateTime::currentDateTime();
    const QList<Core::ServiceHealth> round = m_monitor->current();
    int up = 0;
    for (const auto &health : round) {
        up += health.state == Core::HealthState::Up ? 1 : 0;
        m_chart->setSamples(health.key, health.name, m_monitor->history(health.key));
    }
    if (!m_columnsFitted) {
        // Once per profile, after real values arrived (a view that is not laid out yet measures nothing);
        // later rounds leave the user's column widths alone.
        m_columnsFitted = true;
        for (int column = 0; column < Core::HealthTableModel::DetailColumn; ++column)
            m_table->resizeColumnToContents(column);
    }
    setStatus(tr("Last round %1: %2 of %n service(s) up", nullptr, int(round.size()))
                  .arg(QLocale().toString(m_lastRound.time(), QLocale::ShortFormat))
                  .arg(up));
    updateRefreshButton();
}

void ServicesPage::updateRefreshButton()
{
    const bool running = m_monitor->isRoundRunning();
    m_refreshButton->setEnabled(!running);
    m_refreshButton->setToolTip(running ? tr("A round of probes is in flight") : tr("Probe every service now (F5)"));
}

void ServicesPage::applyScheme()
{
    const bool dark = isDarkPalette(palette());
    if (dark != m_stateDelegate->isDark()) {
        m_stateDelegate->setDark(dark);
        m_table->viewport()->update();
    }
}

void ServicesPage::setStatus(const QString &text)
{
    m_status = text;
    m_roundLabel->setText(text);
    Q_EMIT statusTextChanged(text);
}

} // namespace Opsdeck::Gui
