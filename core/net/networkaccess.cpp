#include "net/networkaccess.h"

#include "common/logging.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QThread>
#include <QtCore/QThreadStorage>
#include <QtNetwork/QNetworkAccessManager>
#include <map>
#include <memory>

namespace Opsdeck::Core {
namespace {

/// One thread's managers, by TLS partition. Deleted in (and with) its thread.
struct ThreadManagers
{
    std::map<QByteArray, std::unique_ptr<QNetworkAccessManager>> byPartition;
};

// QThreadStorage deletes a thread's holder when that thread exits, in that thread (where the managers live).
// The main thread never "exits" before static destruction, when deleting a QObject is no longer safe, so its
// holder is released by a post routine that ~QCoreApplication runs while the event dispatcher still exists.
QThreadStorage<ThreadManagers *> &storage()
{
    static QThreadStorage<ThreadManagers *> holders;
    return holders;
}

void releaseMainThreadManagers()
{
    // Post routines run on the main thread, so this clears (and deletes) the main thread's holder only.
    if (storage().hasLocalData())
        storage().setLocalData(nullptr);
}

} // namespace

QNetworkAccessManager *networkAccessManagerForThread()
{
    return networkAccessManagerForThread(QByteArray());
}

QNetworkAccessManager *networkAccessManagerForThread(const QByteArray &partition)
{
    auto &holders = storage();
    if (!holders.hasLocalData() || !holders.localData()) {
        holders.setLocalData(new ThreadManagers);
        const auto *app = QCoreApplication::instance();
        if (app && QThread::currentThread() == app->thread())
            qAddPostRoutine(releaseMainThreadManagers);
    }
    auto &managers = holders.localData()->byPartition;
    auto &slot = managers[partition];
    if (!slot) {
        slot = std::make_unique<QNetworkAccessManager>();
        slot->setObjectName(partition.isEmpty() ? QStringLiteral("opsdeck-nam")
                                                : QStringLiteral("opsdeck-nam-tls-") +
                                                      QString::fromLatin1(partition.toHex().left(12)));
        qCDebug(lcNet) << "network access manager" << slot->objectName() << "created for thread"
                       << QThread::currentThread();
    }
    return slot.get();
}

} // namespace Opsdeck::Core
