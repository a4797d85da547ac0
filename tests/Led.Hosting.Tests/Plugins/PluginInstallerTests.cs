using System.IO.Compression;
using Led.Hosting.Plugins;

namespace Led.Hosting.Tests.Plugins;

public sealed class PluginInstallerTests : IDisposable
{
    private readonly PluginFolder _built = new();
    private readonly string _destination = Directory.CreateTempSubdirectory("led-install").FullName;
    private readonly List<string> _log = [];

    public void Dispose()
    {
        _built.Dispose();
        Directory.Delete(_destination, recursive: true);
    }

    [Fact]
    public void ABuiltPluginFolderIsCheckedInstalledAndReplacedOnlyWithForce()
    {
        string source = _built.Drop("Led.TestPlugins.Oscillator");

        var plugin = PluginInstaller.Install(source, _destination, force: false, _log.Add);

        Assert.Equal(Path.Combine(_destination, "Led.TestPlugins.Oscillator", "Led.TestPlugins.Oscillator.dll"), plugin.Path);
        Assert.Equal("checked Led.TestPlugins.Oscillator 0.1.0: system 'Oscillator', metric 'EnergyError', propagator 'Linear'", Assert.Single(_log));
        Assert.Equal(["Led.TestPlugins.Oscillator"], PluginCatalog.Load([_destination]).Plugins.Select(p => p.Name));

        var again = Assert.Throws<PluginInstallException>(() => PluginInstaller.Install(source, _destination, force: false, _log.Add));
        Assert.Equal($"{Path.Combine(_destination, "Led.TestPlugins.Oscillator")} exists: a plugin Led.TestPlugins.Oscillator is installed already; " +
                     "add --force to replace it", again.Message);
        PluginInstaller.Install(source, _destination, force: true, _log.Add);
        Assert.Equal(["Led.TestPlugins.Oscillator"], Directory.GetDirectories(_destination).Select(Path.GetFileName));
    }

    [Fact]
    public void AFolderThatDoesNotLoadIsRefusedAndNothingIsLeftBehind()
    {
        string source = _built.Drop("Led.TestPlugins.Throwing");

        var error = Assert.Throws<PluginInstallException>(() => PluginInstaller.Install(source, _destination, force: false, _log.Add));

        Assert.StartsWith($"{source} does not load as a plugin, nothing was installed: registration failed in ", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_destination));
    }

    [Fact]
    public void AFolderThatIsNoPluginOrProjectIsRefusedNamingWhatIsAccepted()
    {
        string source = Directory.CreateDirectory(Path.Combine(_built.Path, "notes")).FullName;
        var error = Assert.Throws<PluginInstallException>(() => PluginInstaller.Install(source, _destination, force: false, _log.Add));
        Assert.Equal($"{source} is not a plugin: give a plugin folder (<Name>/<Name>.dll), a plugin project (.csproj) or a .nupkg", error.Message);
    }

    [Fact]
    public void ADestinationThatCannotBeCreatedIsNamedWithTheFix()
    {
        string source = _built.Drop("Led.TestPlugins.Oscillator");
        string file = Path.Combine(_destination, "a-file");
        File.WriteAllText(file, "not a folder");
        string destination = Path.Combine(file, "plugins");

        var error = Assert.Throws<PluginInstallException>(() => PluginInstaller.Install(source, destination, force: false, _log.Add));

        Assert.StartsWith($"cannot install into {destination}: ", error.Message);
        Assert.EndsWith("; choose a writable plugin folder with --to", error.Message);
    }

    [Fact]
    public void APackageIsInstalledFromItsLibFolder()
    {
        string source = _built.Drop("Led.TestPlugins.Oscillator");
        string package = Package("Led.TestPlugins.Oscillator", source, extra: null);

        var plugin = PluginInstaller.Install(package, _destination, force: false, _log.Add);

        Assert.Equal("Led.TestPlugins.Oscillator", plugin.Name);
        Assert.Equal(Directory.GetFiles(source).Select(Path.GetFileName).Order(),
            Directory.GetFiles(Path.Combine(_destination, plugin.Name)).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void APackageThatInflatesBeyondTheCapIsRefusedWhileStreaming()
    {
        string source = _built.Drop("Led.TestPlugins.Oscillator");
        string package = Package("Led.TestPlugins.Oscillator", source, extra: ("lib/net10.0/padding.bin", PluginInstaller.MaxPackageBytes + 1));

        var error = Assert.Throws<PluginInstallException>(() => PluginInstaller.Install(package, _destination, force: false, _log.Add));

        Assert.Equal($"{package} inflates to more than 512 MiB: refused as damaged or hostile", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_destination));
    }

    /// <summary>A .nupkg with a nuspec and the folder's files in lib/net10.0/, plus an optional entry of zeros (compressing to little).</summary>
    private string Package(string id, string folder, (string Name, long Bytes)? extra)
    {
        string path = Path.Combine(_built.Path, $"{id}.nupkg");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var writer = new StreamWriter(zip.CreateEntry($"{id}.nuspec").Open()))
            writer.Write($"""<?xml version="1.0"?><package><metadata><id>{id}</id><version>1.0.0</version></metadata></package>""");
        foreach (var file in Directory.GetFiles(folder)) zip.CreateEntryFromFile(file, $"lib/net10.0/{Path.GetFileName(file)}");
        if (extra is { } e)
        {
            using var stream = zip.CreateEntry(e.Name, CompressionLevel.Fastest).Open();
            var zeros = new byte[1 << 20];
            for (long written = 0; written < e.Bytes; written += zeros.Length) stream.Write(zeros, 0, (int)Math.Min(zeros.Length, e.Bytes - written));
        }
        return path;
    }
}
