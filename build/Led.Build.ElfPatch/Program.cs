using Led.Build.ElfPatch;

// Usage: Led.Build.ElfPatch <library.so>...
// Exit codes: 0 loadable (patched or nothing to do), 1 not fixable, 2 usage error.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: Led.Build.ElfPatch <library.so>...");
    return 2;
}
var libstdcxx = LibStdCxxCompatibility.FindSystemLibStdCxx();
if (libstdcxx is null)
{
    Console.WriteLine("ElfPatch: no libstdc++ loaded by this process; nothing to check.");
    return 0;
}
var available = ElfImage.Load(libstdcxx).DefinedVersions();
int code = 0;
foreach (var path in args)
{
    if (!File.Exists(path)) continue;
    var plan = LibStdCxxCompatibility.PatchFile(path, available);
    if (plan.Error is not null)
    {
        Console.Error.WriteLine($"ElfPatch: {path}: {plan.Error} (system libstdc++: {libstdcxx})");
        code = 1;
    }
    else if (plan.Needs.Count > 0)
        Console.WriteLine($"ElfPatch: {Path.GetFileName(path)}: marked weak {string.Join(", ", plan.Needs.Select(n => n.Name))} " +
                          $"(unused marker versions missing from {libstdcxx})");
}
return code;
