#include "net/redisqtadapter.h"

#include <QtCore/QSocketNotifier>
#include <hiredis/async.h>

namespace Opsdeck::Core {

RedisQtAdapter::RedisQtAdapter(redisAsyncContext *ctx, std::function<void(redisAsyncContext *)> contextGone,
                               QObject *parent)
    : QObject(parent), m_ctx(ctx), m_contextGone(std::move(contextGone))
{
    const qintptr fd = ctx->c.fd;
    m_read = new QSocketNotifier(fd, QSocketNotifier::Read, this);
    m_write = new QSocketNotifier(fd, QSocketNotifier::Write, this);
    // hiredis enables what it needs through the hooks; nothing is watched before it asks.
    m_read->setEnabled(false);
    m_write->setEnabled(false);
    // redisAsyncHandle* may end in the cleanup hook (the context is then freed): m_ctx is re-read every time.
    connect(m_read, &QSocketNotifier::activated, this, [this] {
        if (m_ctx)
            redisAsyncHandleRead(m_ctx);
    });
    connect(m_write, &QSocketNotifier::activated, this, [this] {
        if (m_ctx)
            redisAsyncHandleWrite(m_ctx);
    });

    ctx->ev.data = this;
    ctx->ev.addRead = &RedisQtAdapter::addRead;
    ctx->ev.delRead = &RedisQtAdapter::delRead;
    ctx->ev.addWrite = &RedisQtAdapter::addWrite;
    ctx->ev.delWrite = &RedisQtAdapter::delWrite;
    ctx->ev.cleanup = &RedisQtAdapter::cleanup;
}

RedisQtAdapter::~RedisQtAdapter()
{
    if (m_ctx) {
        m_ctx->ev.data = nullptr;
        m_ctx->ev.addRead = nullptr;
        m_ctx->ev.delRead = nullptr;
        m_ctx->ev.addWrite = nullptr;
        m_ctx->ev.delWrite = nullptr;
        m_ctx->ev.cleanup = nullptr;
    }
}

void RedisQtAdapter::addRead(void *self)
{
    auto *adapter = static_cast<RedisQtAdapter *>(self);
    if (adapter->m_ctx)
        adapter->m_read->setEnabled(true);
}

void RedisQtAdapter::delRead(void *self)
{
    static_cast<RedisQtAdapter *>(self)->m_read->setEnabled(false);
}

void RedisQtAdapter::addWrite(void *self)
{
    auto *adapter = static_cast<RedisQtAdapter *>(self);
    if (adapter->m_ctx)
        adapter->m_write->setEnabled(true);
}

void RedisQtAdapter::delWrite(void *self)
{
    static_cast<RedisQtAdapter *>(self)->m_write->setEnabled(false);
}

void RedisQtAdapter::cleanup(void *self)
{
    static_cast<RedisQtAdapter *>(self)->detach();
}

void RedisQtAdapter::detach()
{
    // The socket is closed right after this returns; notifiers are disabled, not deleted, because this may
    // run inside one of their own activated() emissions. The owner deletes the adapter later.
    m_read->setEnabled(false);
    m_write->setEnabled(false);
    redisAsyncContext *ctx = m_ctx;
    if (!ctx)
        return;
    m_ctx = nullptr;
    ctx->ev.data = nullptr;
    ctx->ev.addRead = nullptr;
    ctx->ev.delRead = nullptr;
    ctx->ev.addWrite = nullptr;
    ctx->ev.delWrite = nullptr;
    ctx->ev.cleanup = nullptr;
    if (m_contextGone)
        m_contextGone(ctx);
}

} // namespace Opsdeck::Core
