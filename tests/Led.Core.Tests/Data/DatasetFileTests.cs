using System.Diagnostics;
using Led.Core.Configuration;
using Led.Core.Data;
using Led.Core.Progress;
using Led.Testing;

namespace Led.Core.Tests.Data;

public sealed class DatasetFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("led-data").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static LedDataset Sample() => new DataGenerator(ExactOscillator.Create(), "osc",
        new DataOptions { Transient = 1, TrainSamples = 12, ValidationSamples = 8, TestInitialConditions = 2 }, 6, 3).Generate(SilentProgress.Instance);

    [Fact]
    public void WriteThenReadIsBitExact()
    {
        var data = Sample();
        string path = Path.Combine(_dir, "d.h5");
        DatasetFile.Write(path, data, """{"seed":3}""");
        var read = DatasetFile.Read(path);
        Assert.Equal("osc", read.SystemName);
        Assert.Equal(data.Description.Shape, read.Description.Shape);
        Assert.Equal(data.Description.Channels, read.Description.Channels);
        Assert.Equal(0.1, read.Description.CoarseTimeStep);
        Assert.Equal(data.Train.Values, read.Train.Values);
        Assert.Equal(data.Validation.Values, read.Validation.Values);
        Assert.Equal(data.Test.Values, read.Test.Values);
        Assert.Equal(data.Scaler.Min, read.Scaler.Min);
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp*"));
    }

    [Fact]
    public void Float32StorageHalvesTheFileAndReadsBackToSinglePrecision()
    {
        var data = Sample();
        string single = Path.Combine(_dir, "f32.h5"), full = Path.Combine(_dir, "f64.h5");
        DatasetFile.Write(single, data, "{}", singlePrecision: true);
        DatasetFile.Write(full, data, "{}");
        var read = DatasetFile.Read(single);
        Assert.Equal(data.Train.Values.Select(v => (double)(float)v), read.Train.Values);
        Assert.Equal(data.Test.Values.Select(v => (double)(float)v), read.Test.Values);
        Assert.True(data.Train.Values.Zip(read.Train.Values).All(p => Math.Abs(p.First - p.Second) <= 6e-8 * Math.Max(1, Math.Abs(p.First))));
        long payload = 8L * (data.Train.Values.Length + data.Validation.Values.Length + data.Test.Values.Length);
        Assert.InRange(new FileInfo(full).Length - new FileInfo(single).Length, payload / 2 - 64, payload / 2 + 64);
    }

    [Fact]
    public void MissingAndForeignFilesGiveClearErrors()
    {
        var missing = Assert.Throws<FileNotFoundException>(() => DatasetFile.Read(Path.Combine(_dir, "none.h5")));
        Assert.Contains("none.h5 (simulate the config's system to create it)", missing.Message);
        string garbage = Path.Combine(_dir, "garbage.h5");
        File.WriteAllText(garbage, "not hdf5");
        Assert.Contains("cannot be read as an LED.NET dataset", Assert.Throws<InvalidDataException>(() => DatasetFile.Read(garbage)).Message);
    }

    [Fact]
    public void TheFirstNonFiniteValueIsNamedBySplitTrajectoryAndTimeStep()
    {
        var data = Sample();
        int frame = data.Validation.FrameSize;
        data.Validation.Values[3 * frame + 1] = double.NaN;
        data.Validation.Values[5 * frame] = double.PositiveInfinity;
        string path = Path.Combine(_dir, "nan.h5");
        DatasetFile.Write(path, data, "{}");
        var error = Assert.Throws<InvalidDataException>(() => DatasetFile.Read(path));
        Assert.Equal($"{path}: the validation split holds a non-finite value (NaN) in trajectory 0, time step 3 (component 1): " +
                     "simulate the dataset again (with a smaller micro time step if the simulation diverged)", error.Message);
    }

    [Fact]
    public void IntegerTrajectoriesAreRefusedRatherThanMisread()
    {
        var data = Sample();
        var file = new PureHDF.H5File();
        foreach (var (name, set) in new[] { ("train", data.Train), ("validation", data.Validation), ("test", data.Test) })
            file[name] = new PureHDF.H5Group
            {
                ["trajectories"] = new PureHDF.H5Dataset(Array.ConvertAll(set.Values, v => (int)(v * 1000)), fileDims: set.Shape.Select(d => (ulong)d).ToArray()),
            };
        file.Attributes["format"] = DatasetFile.Format;
        file.Attributes["system"] = "osc";
        ObservableAttributes.Write(file.Attributes, data.Description);
        file.Attributes["scaler_min"] = data.Scaler.Min;
        file.Attributes["scaler_max"] = data.Scaler.Max;
        string path = Path.Combine(_dir, "int.h5");
        file.Write(path);
        var error = Assert.Throws<InvalidDataException>(() => DatasetFile.Read(path));
        Assert.Equal($"{path}: /train/trajectories holds FixedPoint values of 4 bytes, not float32 or float64: " +
                     "write the trajectories as floating point (e.g. numpy float64)", error.Message);
    }

    [Fact]
    public void FixedFieldsAreReadBackWithTheirShapes()
    {
        string path = Path.Combine(_dir, "fields.h5");
        DatasetFile.Write(path, Sample() with { Metadata = new StoredDatasetMetadata(new Dictionary<string, double[]> { ["mask"] = [0, 0.5, 1] }) }, "{}");

        var read = DatasetFile.Read(path);

        Assert.Equal(["mask"], read.Metadata!.Fields.Keys);
        Assert.Equal([0, 0.5, 1], read.Metadata.Fields["mask"]);
        Assert.Equal([3], DatasetFile.FieldShapesOf(path)!["mask"]);
        string plain = Path.Combine(_dir, "plain.h5");
        DatasetFile.Write(plain, Sample(), "{}");
        Assert.Null(DatasetFile.Read(plain).Metadata);
        Assert.Empty(DatasetFile.FieldShapesOf(plain)!);
    }

    [Fact]
    public void TheSystemNameIsReadWithoutTheTrajectories()
    {
        string path = Path.Combine(_dir, "d.h5");
        DatasetFile.Write(path, Sample(), "{}");
        Assert.Equal("osc", DatasetFile.SystemNameOf(path));
        File.WriteAllText(Path.Combine(_dir, "bad.h5"), "not hdf5");
        Assert.Null(DatasetFile.SystemNameOf(Path.Combine(_dir, "bad.h5")));
    }

    [H5pyFact]
    public void PythonReadsTheFileWithH5py()
    {
        const string python = H5pyFactAttribute.Python;

        var data = Sample();
        string path = Path.Combine(_dir, "py.h5");
        DatasetFile.Write(path, data, "{}");
        var script = $"""
            import h5py
            f = h5py.File('{path}', 'r')
            x = f['train/trajectories']
            print(x.shape, repr(float(x[0, 5, 1, 2])), f.attrs['system'], [str(c) for c in f.attrs['channels']], float(f.attrs['dt']), [float(v) for v in f.attrs['scaler_min']])
            """;
        var run = Process.Start(new ProcessStartInfo(python, ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string output = run.StandardOutput.ReadToEnd() + run.StandardError.ReadToEnd();
        run.WaitForExit();
        Assert.Equal(0, run.ExitCode);
        string expected = $"(1, 12, 2, 3) {data.Train.Frame(0, 5)[5]:R} osc ['x', 'v'] 0.1 [{string.Join(", ", data.Scaler.Min.Select(v => v.ToString("R")))}]";
        Assert.Equal(expected, output.Trim());
    }
}
