// A resolver that takes its time, for tests of code that must not wait for one: preloaded (LD_PRELOAD) into a
// program under test, it makes getaddrinfo() for any name under "slow-dns.test" (a reserved top-level name, never
// a real one) sleep OPSDECK_TEST_DNS_DELAY_MS milliseconds (default 3000) and then answer 127.0.0.1. Every other
// name goes to the C library's own getaddrinfo().
#include <dlfcn.h>
#include <netdb.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <thread>

namespace {

using GetAddrInfo = int (*)(const char *, const char *, const addrinfo *, addrinfo **);

GetAddrInfo nextGetAddrInfo()
{
    static const auto next = reinterpret_cast<GetAddrInfo>(::dlsym(RTLD_NEXT, "getaddrinfo"));
    return next;
}

bool isSlow(const char *node)
{
    if (!node)
        return false;
    const std::string_view name(node);
    constexpr std::string_view zone = "slow-dns.test";
    return name == zone
           || (name.size() > zone.size() && name.ends_with(zone) && name[name.size() - zone.size() - 1] == '.');
}

} // namespace

extern "C" __attribute__((visibility("default"))) int getaddrinfo(const char *node, const char *service,
                                                                  const addrinfo *hints, addrinfo **res)
{
    if (isSlow(node)) {
        const char *delay = std::getenv("OPSDECK_TEST_DNS_DELAY_MS");
        std::this_thread::sleep_for(std::chrono::milliseconds(delay ? std::atol(delay) : 3000));
        return nextGetAddrInfo()("127.0.0.1", service, hints, res);
    }
    return nextGetAddrInfo()(node, service, hints, res);
}
