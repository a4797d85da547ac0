using System.Text.Json.Nodes;
using Led.Core.Training;

namespace Led.Core.Tests.Training;

public sealed class ModelManifestTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("led-manifest").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] content)
    {
        File.WriteAllBytes(Path.Combine(_dir, name), content);
        return Path.Combine(_dir, name);
    }

    [Fact]
    public void TheManifestHoldsTheSizeAndHashOfEachFile()
    {
        Write("a.bin", [1, 2, 3]);
        ModelManifest.Write(_dir, ["a.bin"]);
        var entry = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, "manifest.json")))!["files"]!["a.bin"]!;
        Assert.Equal(3, entry["bytes"]!.GetValue<long>());
        // SHA-256 of the bytes 01 02 03
        Assert.Equal("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81", entry["sha256"]!.GetValue<string>());
        Assert.True(ModelManifest.Verify(_dir, ["a.bin"]));
        Assert.Null(ModelManifest.Problem(_dir));
    }

    [Fact]
    public void AFlippedBitOrATruncationIsNamedWithTheFix()
    {
        string path = Write("a.bin", [1, 2, 3, 4]);
        Write("b.bin", [5, 6]);
        ModelManifest.Write(_dir, ["a.bin", "b.bin"]);

        File.WriteAllBytes(path, [1, 2, 3, 5]);
        var flipped = Assert.Throws<InvalidDataException>(() => ModelManifest.Verify(_dir, ["a.bin"]));
        Assert.StartsWith($"model file {path} does not match its manifest (SHA-256 ", flipped.Message);
        Assert.EndsWith("the file is damaged; train again or restore it", flipped.Message);
        Assert.True(ModelManifest.Verify(_dir, ["b.bin"]), "the other file is intact");

        File.WriteAllBytes(path, [1, 2]);
        Assert.Contains("does not match its manifest", Assert.Throws<InvalidDataException>(() => ModelManifest.Verify(_dir, ["a.bin"])).Message);
        Assert.Contains("does not match its manifest", ModelManifest.Problem(_dir));
    }

    [Fact]
    public void AFolderWithoutAManifestIsReportedAsUnchecked()
    {
        Write("a.bin", [1]);
        Assert.False(ModelManifest.Verify(_dir, ["a.bin"]));
        Assert.Null(ModelManifest.Problem(_dir));
    }
}
