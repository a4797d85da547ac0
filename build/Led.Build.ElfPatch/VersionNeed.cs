namespace Led.Build.ElfPatch;

/// <summary>One <c>vernaux</c> entry: a symbol version an object needs from a library.</summary>
/// <param name="File">The library the version is expected from (e.g. libstdc++.so.6).</param>
/// <param name="Name">The version name (e.g. GLIBCXX_3.4.32).</param>
/// <param name="Index">The version index that <c>.gnu.version</c> uses for symbols bound to it.</param>
/// <param name="Flags">The entry's flags (VER_FLG_WEAK = 0x2).</param>
/// <param name="FlagsOffset">File offset of the flags field.</param>
public sealed record VersionNeed(string File, string Name, int Index, int Flags, int FlagsOffset)
{
    public const int WeakFlag = 0x2;

    public bool IsWeak => (Flags & WeakFlag) != 0;
}
