#include "scoring/capacityplan.h"

#include <QtTest/QTest>

using namespace Opsdeck;
using namespace Opsdeck::Core;

class TestCapacityPlan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("seconds");
        QTest::newRow("90s") << QStringLiteral("90s") << 90.0;
        QTest::newRow("15m") << QStringLiteral("15m") << 900.0;
        QTest::newRow("2h") << QStringLiteral("2h") << 7200.0;
        QTest::newRow("1.5h") << QStringLiteral("1.5h") << 5400.0;
        QTest::newRow("1d") << QStringLiteral("1d") << 86400.0;
        QTest::newRow("plain") << QStringLiteral("3600") << 3600.0;
        QTest::newRow("fraction") << QStringLiteral("0.25") << 0.25;
        QTest::newRow("spaces, upper case") << QStringLiteral(" 10M ") << 600.0;
    }

    void durations()
    {
        QFETCH(QString, text);
        QFETCH(double, seconds);
        auto parsed = parseDuration(text);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        QCOMPARE(*parsed, seconds);
    }

    void badDurations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("unit") << QStringLiteral("15x")
                              << QStringLiteral("'15x' is not a duration (examples: 90s, 15m, 2h, 3600)");
        QTest::newRow("empty") << QString() << QStringLiteral("'' is not a duration (examples: 90s, 15m, 2h, 3600)");
        QTest::newRow("words") << QStringLiteral("soon")
                               << QStringLiteral("'soon' is not a duration (examples: 90s, 15m, 2h, 3600)");
        QTest::newRow("zero") << QStringLiteral("0m") << QStringLiteral("'0m': the duration must be greater than 0");
        QTest::newRow("negative") << QStringLiteral("-5")
                                  << QStringLiteral("'-5': the duration must be greater than 0");
    }

    void badDurations()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        auto parsed = parseDuration(text);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().kind, ErrorKind::Usage);
        QCOMPARE(parsed.error().message, message);
    }

    void nodes_data()
    {
        QTest::addColumn<qint64>("rows");
        QTest::addColumn<double>("within");
        QTest::addColumn<double>("rate");
        QTest::addColumn<qint64>("nodes");
        QTest::newRow("exactly one node") << qint64(1000) << 100.0 << 10.0 << qint64(1);
        QTest::newRow("one row more") << qint64(1001) << 100.0 << 10.0 << qint64(2);
        QTest::newRow("1e9 rows in 15m at 92593/s") << qint64(1'000'000'000) << 900.0 << 92593.0 << qint64(12);
        QTest::newRow("3 exactly, inexact floats") << qint64(3'000'000) << 0.1 << 1e7 << qint64(3);
        QTest::newRow("no rows") << qint64(0) << 60.0 << 5.0 << qint64(0);
        QTest::newRow("fast node") << qint64(10) << 3600.0 << 1e6 << qint64(1);
    }

    void nodes()
    {
        QFETCH(qint64, rows);
        QFETCH(double, within);
        QFETCH(double, rate);
        QFETCH(qint64, nodes);
        auto plan = planCapacity(rows, within, rate);
        QVERIFY(plan);
        QCOMPARE(plan->nodes, nodes);
        QCOMPARE(plan->rows, rows);
        QCOMPARE(plan->withinS, within);
        QCOMPARE(plan->rowsPerSPerNode, rate);
        const QJsonObject json = plan->toJson();
        QCOMPARE(json.value(QStringLiteral("rows")).toInteger(), rows);
        QCOMPARE(json.value(QStringLiteral("within_s")).toDouble(), within);
        QCOMPARE(json.value(QStringLiteral("rows_per_s_per_node")).toDouble(), rate);
        QCOMPARE(json.value(QStringLiteral("nodes")).toInteger(), nodes);
    }

    void refusesNoThroughput()
    {
        auto plan = planCapacity(100, 60, 0);
        QVERIFY(!plan);
        QCOMPARE(plan.error().kind, ErrorKind::Failed);
        QVERIFY(!planCapacity(-1, 60, 5));
        QVERIFY(!planCapacity(1, 0, 5));

        // More nodes than a double counts exactly is an error, not a wrapped-around negative count.
        auto huge = planCapacity(9'000'000'000'000'000'000, 1e-300, 1);
        QVERIFY(!huge);
        QCOMPARE(huge.error().kind, ErrorKind::Usage);
        QVERIFY2(huge.error().message.contains(u"more than 2^53 nodes"), qPrintable(huge.error().message));
        auto largest = planCapacity(9'007'199'254'740'992, 1, 1);
        QVERIFY(largest);
        QCOMPARE(largest->nodes, qint64(9'007'199'254'740'992));
    }

    void summaryEchoesInputs()
    {
        auto plan = planCapacity(1'000'000'000, 900, 92593);
        QVERIFY(plan);
        QCOMPARE(plan->summary(), QStringLiteral("12 node(s) score 1,000,000,000 rows within 15m (at 92,593 rows/s per node)"));
        plan->measuredNodes = 3;
        QCOMPARE(plan->summary(), QStringLiteral("12 node(s) score 1,000,000,000 rows within 15m (at 92,593 rows/s per "
                                                 "node: the measured rate over 3 endpoints)"));
        QCOMPARE(plan->toJson().value(u"measured_nodes").toInteger(), 3);
        QCOMPARE(formatDuration(90), QStringLiteral("90s"));
        QCOMPARE(formatDuration(5400), QStringLiteral("90m"));
        QCOMPARE(formatDuration(7200), QStringLiteral("2h"));
        QCOMPARE(formatDuration(0.5), QStringLiteral("0.5s"));
    }
};

QTEST_GUILESS_MAIN(TestCapacityPlan)
#include "tst_capacityplan.moc"
