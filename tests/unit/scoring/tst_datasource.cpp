#include "scoring/datasource.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <cmath>
#include <cstring>
#include <limits>

using namespace Opsdeck;
using namespace Opsdeck::Core;

namespace {

// A .npy file as numpy writes it: magic, version, little-endian header length, a Python dict literal padded with
// spaces to a 64-byte boundary and ending in '\n', then the raw data.
QByteArray npy(int major, const QByteArray &dict, const QByteArray &data)
{
    QByteArray out("\x93NUMPY", 6);
    out += char(major);
    out += char(0);
    const int lengthBytes = major == 1 ? 2 : 4;
    QByteArray header = dict;
    const qsizetype prefix = 8 + lengthBytes;
    while ((prefix + header.size() + 1) % 64 != 0)
        header += ' ';
    header += '\n';
    if (major == 1) {
        out += char(header.size() & 0xff);
        out += char((header.size() >> 8) & 0xff);
    } else {
        for (int i = 0; i < 4; ++i)
            out += char((header.size() >> (8 * i)) & 0xff);
    }
    return out + header + data;
}

template<typename T>
QByteArray raw(const std::vector<T> &values)
{
    return QByteArray(reinterpret_cast<const char *>(values.data()), qsizetype(values.size() * sizeof(T)));
}

QByteArray dict(const char *descr, bool fortran, const char *shape)
{
    return QByteArrayLiteral("{'descr': '") + descr + QByteArrayLiteral("', 'fortran_order': ")
           + (fortran ? "True" : "False") + QByteArrayLiteral(", 'shape': ") + shape + QByteArrayLiteral(", }");
}

} // namespace

class TestDataSource : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        f.write(bytes);
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void syntheticIsSeededAndThreadIndependent()
    {
        auto one = syntheticDense(3001, 17, 42, 1);
        auto four = syntheticDense(3001, 17, 42, 4);
        auto other = syntheticDense(3001, 17, 43, 2);
        QVERIFY(one && four && other);
        QCOMPARE(one->rows(), qsizetype(3001));
        QCOMPARE(one->cols(), qsizetype(17));
        QCOMPARE(one->kind(), Sdk::InputKind::DenseFloat32);
        const size_t n = 3001 * 17;
        QCOMPARE(std::memcmp(one->values(), four->values(), n * sizeof(float)), 0);
        QVERIFY(std::memcmp(one->values(), other->values(), n * sizeof(float)) != 0);
        double sum = 0;
        float lo = 1;
        float hi = -1;
        for (size_t i = 0; i < n; ++i) {
            const float v = one->values()[i];
            QVERIFY(v >= -1.0f && v < 1.0f);
            lo = std::min(lo, v);
            hi = std::max(hi, v);
            sum += v;
        }
        // Uniform on [-1, 1): mean ≈ 0 (σ of the mean ≈ 0.0025 here), both ends reached.
        QVERIFY(std::abs(sum / double(n)) < 0.02);
        QVERIFY(lo < -0.99f && hi > 0.99f);
        QCOMPARE(one->bytes(), qint64(n * 4));
        QVERIFY(one->description().contains(u"seed 42"));
    }

    void syntheticRejectsEmpty()
    {
        auto d = syntheticDense(0, 10, 1);
        QVERIFY(!d);
        QCOMPARE(d.error().kind, ErrorKind::Usage);
    }

    void syntheticText()
    {
        auto a = Core::syntheticText(500, 7);
        auto b = Core::syntheticText(500, 7);
        QVERIFY(a && b);
        QCOMPARE(a->kind(), Sdk::InputKind::Text);
        QCOMPARE(a->rows(), qsizetype(500));
        for (qsizetype i = 0; i < 500; ++i) {
            QCOMPARE(a->lines()[i], b->lines()[i]);
            const auto words = a->lines()[i].split(' ').size();
            QVERIFY(words >= 4 && words <= 24);
        }
        const auto batch = a->batch(10, 5);
        QCOMPARE(batch.rows, qsizetype(5));
        QCOMPARE(batch.lines, a->lines() + 10);
        QCOMPARE(batch.values, nullptr);
    }

    void batchAndRepeat()
    {
        FloatBuffer v{0, 1, 2, 3, 4, 5};
        DataSet d = DataSet::dense(3, 2, std::move(v), QStringLiteral("t"));
        const auto b = d.batch(1, 2);
        QCOMPARE(b.rows, qsizetype(2));
        QCOMPARE(b.cols, qsizetype(2));
        QCOMPARE(b.values[0], 2.0f);
        QVERIFY(d.repeatTo(7));
        QCOMPARE(d.rows(), qsizetype(9));
        for (qsizetype r = 0; r < 9; ++r) {
            QCOMPARE(d.values()[r * 2], float((r % 3) * 2));
            QCOMPARE(d.values()[r * 2 + 1], float((r % 3) * 2 + 1));
        }
    }

    void npyReads_data()
    {
        QTest::addColumn<int>("major");
        QTest::addColumn<bool>("float64");
        QTest::newRow("v1.0 float32") << 1 << false;
        QTest::newRow("v1.0 float64") << 1 << true;
        QTest::newRow("v2.0 float32") << 2 << false;
        QTest::newRow("v3.0 float64") << 3 << true;
    }

    void npyReads()
    {
        QFETCH(int, major);
        QFETCH(bool, float64);
        std::vector<float> f;
        std::vector<double> d;
        for (int i = 0; i < 12; ++i) {
            f.push_back(0.5f * float(i) - 2.0f);
            d.push_back(0.25 * i - 1.0);
        }
        const QString path = write(QStringLiteral("ok%1%2.npy").arg(major).arg(float64),
                                   npy(major, dict(float64 ? "<f8" : "<f4", false, "(4, 3)"), float64 ? raw(d) : raw(f)));
        auto data = readNpy(path);
        QVERIFY2(data, qPrintable(data ? QString() : data.error().message));
        QCOMPARE(data->rows(), qsizetype(4));
        QCOMPARE(data->cols(), qsizetype(3));
        for (int i = 0; i < 12; ++i)
            QCOMPARE(data->values()[i], float64 ? float(d[size_t(i)]) : f[size_t(i)]);
        QVERIFY(data->description().contains(float64 ? u"float64" : u"float32"));
    }

    void npyErrors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        const QByteArray twelve = raw(std::vector<float>(12, 1.0f));
        QTest::newRow("fortran order") << npy(1, dict("<f4", true, "(4, 3)"), twelve)
                                       << QStringLiteral("Fortran-order arrays are not supported (save with C order)");
        QTest::newRow("int64") << npy(1, dict("<i8", false, "(4, 3)"), twelve + twelve)
                               << QStringLiteral("unsupported dtype '<i8' (expected '<f4' or '<f8')");
        QTest::newRow("big-endian") << npy(1, dict(">f4", false, "(4, 3)"), twelve)
                                    << QStringLiteral("unsupported dtype '>f4' (expected '<f4' or '<f8')");
        QTest::newRow("truncated") << npy(1, dict("<f4", false, "(4, 3)"), twelve.left(40))
                                   << QStringLiteral("truncated data: expected 48 bytes, found 40");
        QTest::newRow("bad magic") << QByteArray("\x93NUMPX\x01\x00\x10\x00{}", 12)
                                   << QStringLiteral("not a .npy file (bad magic)");
        QTest::newRow("not npy at all") << QByteArray("a,b\n1,2\n") << QStringLiteral("not a .npy file (bad magic)");
        QTest::newRow("1-D") << npy(1, dict("<f4", false, "(12,)"), twelve)
                             << QStringLiteral("expected a 2-D array, the shape is (12,)");
        QTest::newRow("3-D") << npy(1, dict("<f4", false, "(2, 2, 3)"), twelve)
                             << QStringLiteral("expected a 2-D array, the shape is (2, 2, 3)");
        QTest::newRow("version 4") << npy(4, dict("<f4", false, "(4, 3)"), twelve)
                                   << QStringLiteral("unsupported format version 4.0");
        QTest::newRow("no shape") << npy(1, QByteArrayLiteral("{'descr': '<f4', 'fortran_order': False, }"), twelve)
                                  << QStringLiteral("malformed header: no 'shape'");
        // numpy writes exactly three keys and refuses headers with others; a 'shape' nested in another value is
        // not the array's (a pattern search found it and read a 2 × 5 array).
        QTest::newRow("extra key") << npy(1,
                                          QByteArrayLiteral("{'meta': {'shape': (2, 5)}, 'descr': '<f4', "
                                                            "'fortran_order': False, 'shape': (4, 3), }"),
                                          twelve)
                                   << QStringLiteral("malformed header: unexpected key 'meta' (a .npy header has "
                                                     "descr, fortran_order and shape)");
        QTest::newRow("key twice") << npy(1,
                                          QByteArrayLiteral("{'descr': '<f8', 'descr': '<f4', "
                                                            "'fortran_order': False, 'shape': (4, 3), }"),
                                          twelve)
                                   << QStringLiteral("malformed header: 'descr' given twice");
        QTest::newRow("structured") << npy(1,
                                           QByteArrayLiteral("{'descr': [('a', '<f4')], 'fortran_order': False, "
                                                             "'shape': (4, 3), }"),
                                           twelve)
                                    << QStringLiteral("malformed header: 'descr' is not a simple dtype string "
                                                      "(structured arrays are not supported)");
        QTest::newRow("text after") << npy(1, dict("<f4", false, "(4, 3)") + "x", twelve)
                                    << QStringLiteral("malformed header: text after the dict");
    }

    void npyHeaderSpelling()
    {
        // What numpy itself accepts: double quotes, no trailing comma, L suffixes, blanks anywhere.
        const QByteArray twelve = raw(std::vector<float>(12, 1.0f));
        const QString path = write(QStringLiteral("spelled.npy"),
                                   npy(1, QByteArrayLiteral("{ \"shape\" : ( 4L ,3 ) ,\"fortran_order\":False,"
                                                            "'descr':'<f4'}"),
                                       twelve));
        auto data = readNpy(path);
        QVERIFY2(data, qPrintable(data ? QString() : data.error().message));
        QCOMPARE(data->rows(), qsizetype(4));
        QCOMPARE(data->cols(), qsizetype(3));
    }

    void npyErrors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        const QString path = write(QStringLiteral("bad.npy"), bytes);
        auto data = readNpy(path);
        QVERIFY(!data);
        QCOMPARE(data.error().kind, ErrorKind::Usage);
        QCOMPARE(data.error().message, path + QStringLiteral(": ") + reason);
    }

    void npyMissingFile()
    {
        auto data = readNpy(m_dir.filePath(QStringLiteral("missing.npy")));
        QVERIFY(!data);
        QVERIFY(data.error().message.startsWith(m_dir.filePath(QStringLiteral("missing.npy")) + u": cannot open"));
    }

    void npyFromNumpy()
    {
        // The real writer, when Debian's python3 with numpy is installed.
        const QString python = QStringLiteral("/usr/bin/python3");
        if (!QFileInfo::exists(python))
            QSKIP("/usr/bin/python3 is not installed");
        const QString f32 = m_dir.filePath(QStringLiteral("np32.npy"));
        const QString f64 = m_dir.filePath(QStringLiteral("np64.npy"));
        const QString fortran = m_dir.filePath(QStringLiteral("npf.npy"));
        QProcess p;
        p.start(python, {QStringLiteral("-c"),
                         QStringLiteral("import numpy as np, sys\n"
                                        "x = np.arange(15, dtype=np.float64).reshape(5, 3) / 4 - 1\n"
                                        "np.save(sys.argv[1], x.astype(np.float32))\n"
                                        "np.save(sys.argv[2], x)\n"
                                        "np.save(sys.argv[3], np.asfortranarray(x))\n"),
                         f32, f64, fortran});
        QVERIFY(p.waitForFinished(60000));
        if (p.exitCode() != 0)
            QSKIP(qPrintable(QStringLiteral("numpy is not usable: ") + QString::fromUtf8(p.readAllStandardError())));
        for (const QString &path : {f32, f64}) {
            auto data = readNpy(path);
            QVERIFY2(data, qPrintable(data ? QString() : data.error().message));
            QCOMPARE(data->rows(), qsizetype(5));
            QCOMPARE(data->cols(), qsizetype(3));
            for (int i = 0; i < 15; ++i)
                QCOMPARE(data->values()[i], float(i) / 4 - 1);
        }
        auto bad = readNpy(fortran);
        QVERIFY(!bad);
        QCOMPARE(bad.error().message,
                 fortran + QStringLiteral(": Fortran-order arrays are not supported (save with C order)"));
    }

    void csvWithHeader()
    {
        const QString path = write(QStringLiteral("h.csv"), "x1, x2,\"x 3\"\r\n1,2,3\r\n\r\n 4.5 ,-5e-1, 6\r\n");
        auto data = readCsv(path);
        QVERIFY2(data, qPrintable(data ? QString() : data.error().message));
        QCOMPARE(data->rows(), qsizetype(2));
        QCOMPARE(data->cols(), qsizetype(3));
        const float expected[] = {1, 2, 3, 4.5f, -0.5f, 6};
        for (int i = 0; i < 6; ++i)
            QCOMPARE(data->values()[i], expected[i]);
    }

    void csvWithoutHeader()
    {
        const QString path = write(QStringLiteral("n.csv"), "1,2\n3,4\n5,6");
        auto data = readCsv(path);
        QVERIFY(data);
        QCOMPARE(data->rows(), qsizetype(3));
        QCOMPARE(data->values()[5], 6.0f);

        // A spreadsheet's UTF-8 byte order mark does not turn the first row into a header.
        const QString bom = write(QStringLiteral("bom.csv"), "\xEF\xBB\xBF" "1,2\n3,4\n5,6\n");
        auto withBom = readCsv(bom);
        QVERIFY2(withBom, qPrintable(withBom ? QString() : withBom.error().message));
        QCOMPARE(withBom->rows(), qsizetype(3));
        QCOMPARE(withBom->values()[0], 1.0f);
    }

    void csvOutOfRange()
    {
        // As numpy and Python read them: beyond the float range ±inf, below it ±0 (sign kept), also beyond the
        // double range; a lone '+' sign is allowed.
        const QString path = write(QStringLiteral("range.csv"), "1e39,-1e39,1e400,-1e400,1e-400,-1e-400,+3.5\n");
        auto data = readCsv(path);
        QVERIFY2(data, qPrintable(data ? QString() : data.error().message));
        const float *v = data->values();
        const float inf = std::numeric_limits<float>::infinity();
        QCOMPARE(v[0], inf);
        QCOMPARE(v[1], -inf);
        QCOMPARE(v[2], inf);
        QCOMPARE(v[3], -inf);
        QCOMPARE(v[4], 0.0f);
        QVERIFY(!std::signbit(v[4]));
        QCOMPARE(v[5], 0.0f);
        QVERIFY(std::signbit(v[5]));
        QCOMPARE(v[6], 3.5f);

        // Beyond the double range, the place of the first significant digit counts as much as the exponent:
        // 1000…0e-1 (1e309) is infinite, 0.000…01e10 (1e-330) is zero, 0.000…05e400 is infinite.
        const QByteArray big = "1" + QByteArray(310, '0') + "e-1";
        const QByteArray tiny = "0." + QByteArray(339, '0') + "1e10";
        const QByteArray bigFraction = "-0." + QByteArray(50, '0') + "5e400";
        const QByteArray tinyInteger = "-" + QByteArray(5, '0') + "7e-400";
        const QString path2 = write(QStringLiteral("range2.csv"), big + ',' + tiny + ',' + bigFraction + ',' + tinyInteger + '\n');
        auto data2 = readCsv(path2);
        QVERIFY2(data2, qPrintable(data2 ? QString() : data2.error().message));
        const float *w = data2->values();
        QCOMPARE(w[0], inf);
        QCOMPARE(w[1], 0.0f);
        QCOMPARE(w[2], -inf);
        QCOMPARE(w[3], 0.0f);
        QVERIFY(std::signbit(w[3]));
    }

    void repeatRefusesWhatDoesNotFit()
    {
        FloatBuffer v{0, 1, 2, 3, 4, 5};
        DataSet d = DataSet::dense(3, 2, std::move(v), QStringLiteral("t.npy"));
        auto repeated = d.repeatTo(qsizetype(1) << 40);
        QVERIFY(!repeated);
        QCOMPARE(repeated.error().kind, ErrorKind::Usage);
        QVERIFY2(repeated.error().message.startsWith(u"t.npy has 3 rows; repeated to fill a batch of"),
                 qPrintable(repeated.error().message));
        QCOMPARE(d.rows(), qsizetype(3));
    }

    void csvErrors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");   // %1 = file
        QTest::newRow("ragged, header and blank line counted")
            << QByteArray("a,b,c\n1,2,3\n\n4,5\n")
            << QStringLiteral("%1:4: expected 3 columns (as in the header on line 1), found 2");
        QTest::newRow("too many") << QByteArray("\n1,2\n3,4,5\n")
                                  << QStringLiteral("%1:3: expected 2 columns (as on line 2), found 3");
        QTest::newRow("two signs") << QByteArray("1,2\n3,+-4\n")
                                   << QStringLiteral("%1:2: column 2: '+-4' is not a number");
        QTest::newRow("control characters shown escaped")
            << QByteArray("1,2\n3,4\x01\x1b[2J\n", 13)
            << QStringLiteral("%1:2: column 2: '4\\x01\\x1b[2J' is not a number");
        QTest::newRow("not a number") << QByteArray("1,2\n3,x\n")
                                      << QStringLiteral("%1:2: column 2: 'x' is not a number");
        QTest::newRow("header only") << QByteArray("a,b\n") << QStringLiteral("%1: no data rows");
        QTest::newRow("a typo in the first row is not a header")
            << QByteArray("1,x,3\n4,5,6\n") << QStringLiteral("%1:1: column 2: 'x' is not a number");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("%1: no data rows");
    }

    void csvErrors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const QString path = write(QStringLiteral("bad.csv"), bytes);
        auto data = readCsv(path);
        QVERIFY(!data);
        QCOMPARE(data.error().kind, ErrorKind::Usage);
        QCOMPARE(data.error().message, message.arg(path));
    }

    void textLines()
    {
        const QString path = write(QStringLiteral("t.txt"), "first line\r\n\nsecond line\nthird");
        auto data = readTextLines(path);
        QVERIFY(data);
        QCOMPARE(data->rows(), qsizetype(3));
        QCOMPARE(data->lines()[0], QByteArray("first line"));
        QCOMPARE(data->lines()[2], QByteArray("third"));

        const QString bom = write(QStringLiteral("bom.txt"), "\xEF\xBB\xBF" "caf\xC3\xA9 au lait\n");
        auto withBom = readTextLines(bom);
        QVERIFY(withBom);
        QCOMPARE(withBom->lines()[0], QByteArray("caf\xC3\xA9 au lait"));
    }

    void textLinesRefuseBinary_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");   // %1 = file
        QTest::newRow("an .npy file") << QByteArray("\x93NUMPY\x01\x00v\0{}\n", 14)
                                      << QStringLiteral("%1: not a text file (a NUL byte at offset 7)");
        QTest::newRow("Latin-1 text") << QByteArray("ok\nok\ncaf\xE9\n")
                                      << QStringLiteral("%1: not UTF-8 text (in the lines from 1 on)");
    }

    void textLinesRefuseBinary()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const QString path = write(QStringLiteral("binary.txt"), bytes);
        auto data = readTextLines(path);
        QVERIFY(!data);
        QCOMPARE(data.error().kind, ErrorKind::Usage);
        QCOMPARE(data.error().message, message.arg(path));
    }

    void endlessDevicesAreRefused_data()
    {
        QTest::addColumn<bool>("text");
        QTest::newRow("CSV") << false;
        QTest::newRow("text lines") << true;
    }

    void endlessDevicesAreRefused()
    {
        // /dev/zero named as a CSV has no size and no end: read with readAll() it grew until the allocation
        // failed (an abort). Read in pieces, its first NUL byte ends it.
        QFETCH(bool, text);
        const QString path = m_dir.filePath(text ? QStringLiteral("zero.txt") : QStringLiteral("zero.csv"));
        QFile::remove(path);
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), path));
        auto data = readInput(path, text ? Sdk::InputKind::Text : Sdk::InputKind::DenseFloat32);
        QVERIFY(!data);
        QCOMPARE(data.error().kind, ErrorKind::Usage);
        QCOMPARE(data.error().message, path + QStringLiteral(": not a text file (a NUL byte at offset 0)"));
    }

    void readInputByKindAndExtension()
    {
        const QString csv = write(QStringLiteral("in.csv"), "1,2\n");
        const QString txt = write(QStringLiteral("in.dat"), "1,2\n");
        QVERIFY(readInput(csv, Sdk::InputKind::DenseFloat32));
        auto text = readInput(csv, Sdk::InputKind::Text);
        QVERIFY(text);
        QCOMPARE(text->kind(), Sdk::InputKind::Text);
        auto bad = readInput(txt, Sdk::InputKind::DenseFloat32);
        QVERIFY(!bad);
        QCOMPARE(bad.error().message, txt + QStringLiteral(": unsupported input format (expected .npy or .csv)"));
    }
};

QTEST_GUILESS_MAIN(TestDataSource)
#include "tst_datasource.moc"
