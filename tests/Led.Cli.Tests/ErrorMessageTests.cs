using System.IO.Compression;

namespace Led.Cli.Tests;

/// <summary>Each mistake is reported once, where it is and with what is allowed.</summary>
public sealed class ErrorMessageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("led-errors").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void AJsonSyntaxErrorIsPlacedByLineAndColumn()
    {
        string config = TinyExperiment.WriteConfig(_dir, "{ \"system\": { \"name\": \"Oscillator\" },\n  \"seed\": 3\n  \"device\": \"cpu\" }");
        var (code, _, stderr) = LedProcess.Run(_dir, "validate", config);
        Assert.Equal(2, code);
        var error = Assert.Single(LedProcess.Errors(stderr));
        Assert.StartsWith($"error: {config} is not valid JSON: line 3, column 3: ", error);
    }

    [Fact]
    public void AThreadCountOutOfRangeNamesTheAllowedRange()
    {
        var (code, _, stderr) = LedProcess.Run(_dir, "validate", TinyExperiment.WriteConfig(_dir), "--set", "threads=100000");
        Assert.Equal(2, code);
        Assert.StartsWith("error: threads: threads must be between 1 and 1024", Assert.Single(LedProcess.Errors(stderr)));
    }

    [Fact]
    public void ARunsErrorIsPrintedOnce()
    {
        File.WriteAllText(Path.Combine(_dir, "broken.h5"), "not an HDF5 file");
        string config = TinyExperiment.WriteConfig(_dir, TinyExperiment.Json.Replace("\"data\": {", "\"data\": { \"path\": \"broken.h5\","));
        var (code, stdout, stderr) = LedProcess.Run(_dir, "run", config, "--out", Path.Combine(_dir, "out"));
        Assert.Equal(1, code);
        string all = stdout + stderr;
        Assert.Equal(1, all.Split("cannot be read as an LED.NET dataset").Length - 1);
        Assert.Contains("cannot be read as an LED.NET dataset", File.ReadAllText(Path.Combine(_dir, "out.failed", "log.txt")));
    }

    [Fact]
    public void AZipBombGivenToImportTorchIsRefusedAsInvalidInput()
    {
        // A .pt of about 128 kB whose data.pkl unpacks to 128 MiB of zeros.
        string bomb = Path.Combine(_dir, "bomb.pt");
        using (var zip = ZipFile.Open(bomb, ZipArchiveMode.Create))
        using (var stream = zip.CreateEntry("archive/data.pkl", CompressionLevel.Fastest).Open())
        {
            var zeros = new byte[1 << 20];
            for (int i = 0; i < 128; i++) stream.Write(zeros);
        }
        string model = Path.Combine(_dir, "model");
        var (code, _, stderr) = LedProcess.Run(_dir, "import-torch", TinyExperiment.WriteConfig(_dir), "--weights", bomb, "--out", model,
            "--scaler-min", "-1,-1", "--scaler-max", "1,1");
        Assert.Equal(2, code);
        Assert.Equal($"error: {bomb}: entry archive/data.pkl unpacks to {128L << 20} bytes, more than the {64L << 20} accepted: " +
                     "the file is damaged or hostile (a zip bomb); save the weights again with torch.save", Assert.Single(LedProcess.Errors(stderr)));
        Assert.False(Directory.Exists(model));
    }
}
