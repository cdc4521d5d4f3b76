#pragma once

#include <QtCore/QObject>
#include <functional>

struct redisAsyncContext;
class QSocketNotifier;

namespace Opsdeck::Core {

/// Internal to RedisConnection: drives one hiredis async context from the Qt event loop. hiredis asks for
/// read and write readiness through its ev hooks (addRead/delRead/addWrite/delWrite); two QSocketNotifiers on
/// the context's socket answer with redisAsyncHandleRead/Write. hiredis calls the cleanup hook right before
/// it frees the context (error, EOF or redisAsyncFree): the adapter then stops watching and reports it
/// through `contextGone`, and never touches the context again.
class RedisQtAdapter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedisQtAdapter)

public:
    /// Installs the hooks on `ctx` (whose ev hooks must be unset) and watches its socket. `contextGone` runs
    /// from inside hiredis (the context is still valid during the call, freed right after): it must not call
    /// back into hiredis.
    RedisQtAdapter(redisAsyncContext *ctx, std::function<void(redisAsyncContext *)> contextGone,
                   QObject *parent = nullptr);
    /// Removes the hooks from the context when it is still alive, so hiredis never calls into a dead adapter.
    ~RedisQtAdapter() override;

    /// False once hiredis released the context.
    [[nodiscard]] bool isAttached() const { return m_ctx != nullptr; }

private:
    static void addRead(void *self);
    static void delRead(void *self);
    static void addWrite(void *self);
    static void delWrite(void *self);
    static void cleanup(void *self);

    void detach();

    redisAsyncContext *m_ctx = nullptr;
    std::function<void(redisAsyncContext *)> m_contextGone;
    QSocketNotifier *m_read = nullptr;
    QSocketNotifier *m_write = nullptr;
};

} // namespace Opsdeck::Core
