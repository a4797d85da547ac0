using Led.Build.ElfPatch;

namespace Led.Build.ElfPatch.Tests;

public class LibStdCxxCompatibilityTests
{
    private static readonly string Library = Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so");

    private static HashSet<string> VersionsUpTo(int lastPatch) =>
        ["GLIBCXX_3.4", .. Enumerable.Range(1, lastPatch).Select(i => $"GLIBCXX_3.4.{i}"), "CXXABI_1.3", .. Enumerable.Range(1, 15).Select(i => $"CXXABI_1.3.{i}")];

    [Fact]
    public void TheShippedLibraryNeedsGcc13OnlyForAnUnusedMarkerSymbol()
    {
        var image = ElfImage.Load(Library);
        var need = Assert.Single(image.NeededVersions(), n => n.Name == "GLIBCXX_3.4.32");
        Assert.Equal("libstdc++.so.6", need.File);
        Assert.False(need.IsWeak);
        Assert.Equal(["_ZSt21ios_base_library_initv"], image.SymbolsWithVersion(need.Index));
        Assert.DoesNotContain("_ZSt21ios_base_library_initv", image.RelocatedSymbols());
    }

    [Fact]
    public void AnOlderLibStdCxxGetsExactlyThatNeedMarkedWeak()
    {
        var image = ElfImage.Load(Library);
        var plan = LibStdCxxCompatibility.Plan(image, VersionsUpTo(30));
        Assert.Null(plan.Error);
        Assert.Equal(["GLIBCXX_3.4.32"], plan.Needs.Select(n => n.Name));

        foreach (var need in plan.Needs) image.MarkWeak(need);
        var reparsed = ElfImage.Parse(image.Bytes);
        Assert.True(reparsed.NeededVersions().Single(n => n.Name == "GLIBCXX_3.4.32").IsWeak);
        Assert.All(reparsed.NeededVersions().Where(n => n.Name != "GLIBCXX_3.4.32"), n => Assert.False(n.IsWeak));
        Assert.Empty(LibStdCxxCompatibility.Plan(reparsed, VersionsUpTo(30)).Needs);
    }

    [Fact]
    public void ANewEnoughLibStdCxxLeavesTheLibraryAlone()
    {
        var plan = LibStdCxxCompatibility.Plan(ElfImage.Load(Library), VersionsUpTo(33));
        Assert.Null(plan.Error);
        Assert.Empty(plan.Needs);
    }

    [Fact]
    public void AMissingVersionThatRealSymbolsUseIsReportedNotPatched()
    {
        var plan = LibStdCxxCompatibility.Plan(ElfImage.Load(Library), VersionsUpTo(20));
        Assert.Empty(plan.Needs);
        Assert.NotNull(plan.Error);
        Assert.Contains("GCC 13", plan.Error);
    }

    [Fact]
    public void PatchingAFileReplacesItAndNeverWritesThroughAHardLink()
    {
        string dir = Directory.CreateTempSubdirectory("led-elf").FullName;
        try
        {
            string original = Path.Combine(dir, "original.so"), linked = Path.Combine(dir, "linked.so");
            File.Copy(Library, original);
            Assert.Equal(0, CreateHardLink(original, linked));
            var plan = LibStdCxxCompatibility.PatchFile(linked, VersionsUpTo(30));
            Assert.Single(plan.Needs);
            Assert.Equal(File.ReadAllBytes(Library), File.ReadAllBytes(original));
            Assert.True(ElfImage.Load(linked).NeededVersions().Single(n => n.Name == "GLIBCXX_3.4.32").IsWeak);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void NonElfInputIsRejectedWithAClearMessage()
    {
        var ex = Assert.Throws<InvalidDataException>(() => ElfImage.Parse("not an elf file at all, just text......................................"u8.ToArray()));
        Assert.Contains("not an ELF file", ex.Message);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int CreateHardLink(string existing, string created);
}
