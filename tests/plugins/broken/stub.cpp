// A library with one exported function: linked by the missing-library test plugin (and, as a plain shared
// library without any Qt plugin metadata, listed by the registry test).
extern "C" __attribute__((visibility("default"))) int opsdeck_broken_stub_function(int value)
{
    return value + 1;
}
