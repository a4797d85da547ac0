namespace Led.Build.ElfPatch;

/// <summary>
/// Makes a native library built against a newer libstdc++ loadable with the system's older one when the
/// only versions it lacks are needed by symbols that no relocation uses (such as GCC 13's marker
/// <c>std::ios_base_library_init()</c> under GLIBCXX_3.4.32). Such needs are marked weak; anything else
/// is reported as a real incompatibility. Systems whose libstdc++ has every needed version are left alone.
/// </summary>
public static class LibStdCxxCompatibility
{
    /// <summary>The libstdc++ this process loaded (the .NET host links it), as the dynamic loader found it.</summary>
    public static string? FindSystemLibStdCxx()
    {
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps)) return null;
        foreach (var line in File.ReadLines(maps))
        {
            int slash = line.IndexOf('/');
            if (slash >= 0 && line.Contains("libstdc++.so", StringComparison.Ordinal))
                return line[slash..].Trim();
        }
        return null;
    }

    /// <summary>Plans the edit: the needs to mark weak, or the reason none can be made safely.</summary>
    public static PatchPlan Plan(ElfImage target, IReadOnlySet<string> systemVersions)
    {
        var missing = target.NeededVersions()
            .Where(n => n.File.StartsWith("libstdc++", StringComparison.Ordinal) && !n.IsWeak && !systemVersions.Contains(n.Name))
            .ToList();
        if (missing.Count == 0) return new PatchPlan(Array.Empty<VersionNeed>(), null);
        var relocated = target.RelocatedSymbols();
        foreach (var need in missing)
        {
            var used = target.SymbolsWithVersion(need.Index).Where(relocated.Contains).ToList();
            if (used.Count > 0)
                return new PatchPlan(Array.Empty<VersionNeed>(),
                    $"{need.Name} is needed by symbols that are really used ({string.Join(", ", used.Take(5))}); " +
                    "install a libstdc++ from GCC 13 or newer");
        }
        return new PatchPlan(missing, null);
    }

    /// <summary>
    /// Applies the plan to the file at <paramref name="path"/>: writes a patched copy beside it and renames it
    /// over the original (never editing in place, so a hard link into a package cache stays untouched).
    /// </summary>
    public static PatchPlan PatchFile(string path, IReadOnlySet<string> systemVersions)
    {
        var image = ElfImage.Load(path);
        var plan = Plan(image, systemVersions);
        if (plan.Error is not null || plan.Needs.Count == 0) return plan;
        foreach (var need in plan.Needs) image.MarkWeak(need);
        string temp = path + ".patching";
        File.WriteAllBytes(temp, image.Bytes);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, File.GetUnixFileMode(path));
        File.Move(temp, path, overwrite: true);
        return plan;
    }
}
