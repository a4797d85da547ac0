namespace Led.Cli.Tests;

/// <summary>A dataset simulated with another system than the configured one is refused before any work.</summary>
public sealed class DatasetChecksTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("led-data").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ADatasetOfAnotherSystemIsRefusedNamingBoth()
    {
        string config = TinyExperiment.WriteConfig(_dir);
        string data = Path.Combine(_dir, "data.h5");
        var simulated = LedProcess.Run(_dir, "simulate", config, "--out", data);
        Assert.True(simulated.ExitCode == 0, simulated.Out + simulated.Error);

        string other = Path.Combine(_dir, "fhn.json");
        File.WriteAllText(other, """{ "system": { "name": "FitzHughNagumo" }, "data": { "path": "data.h5" } }""");
        var (code, _, stderr) = LedProcess.Run(_dir, "validate", other);
        Assert.Equal(2, code);
        var error = Assert.Single(LedProcess.Errors(stderr));
        Assert.StartsWith($"error: data.path: {data} was simulated with Oscillator, but the config's system is FitzHughNagumo: simulate the dataset with FitzHughNagumo", error);
    }
}
