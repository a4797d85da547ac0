using Led.Abstractions.Systems;
using Led.Core.Configuration;
using Led.Core.Data;
using Led.Core.Progress;
using PureHDF;

namespace Led.Core.Tests.Data;

/// <summary>The optional <see cref="IScalarSeries"/> and <see cref="IDatasetMetadata"/> capabilities in generated and written datasets.</summary>
public sealed class ScalarSeriesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("led-series").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly DataOptions Options = new() { Transient = 1, TrainSamples = 12, ValidationSamples = 8, TestInitialConditions = 2 };

    [Fact]
    public void SeriesAreRecordedWithEverySnapshot_AndWrittenWithTheMetadata()
    {
        var system = new Described(ExactOscillator.Create(), 2.5);
        var data = new DataGenerator(system, "osc", Options, 6, 3).Generate(SilentProgress.Instance);

        Assert.NotNull(data.Series);
        var train = data.Series["train"];
        Assert.Equal(["time", "x0"], train.Names);
        Assert.Equal((1, 12), (train.Count, train.Length));
        // Snapshot t is observed at 1 (transient) + 0.1·t, and x0 is the frame's first value.
        for (int t = 0; t < 12; t++)
        {
            Assert.Equal(1 + 0.1 * t, train.Series(0)[t], 1e-12);
            Assert.Equal(data.Train.Frame(0, t)[0], train.Series(1)[t]);
        }
        Assert.Equal((2, 6), (data.Series["test"].Count, data.Series["test"].Length));
        Assert.Same(system, data.Metadata);

        string path = Path.Combine(_dir, "d.h5");
        DatasetFile.Write(path, data, "{}");
        using (var file = H5File.OpenRead(path))
        {
            Assert.Equal(2.5, file.Attribute("scale").Read<double>());
            Assert.Equal(new double[] { 0, 1, 0 }, file.Dataset("/fields/marker").Read<double[]>());
            var time = file.Dataset("/validation/series/time");
            Assert.Equal(new ulong[] { 1, 8 }, time.Space.Dimensions);
            Assert.Equal(data.Series["validation"].Series(0).ToArray(), time.Read<double[]>());
            Assert.Equal(data.Series["test"].Series(1).ToArray(), file.Dataset("/test/series/x0").Read<double[]>());
        }
        // The extras do not disturb reading.
        Assert.Equal(data.Test.Values, DatasetFile.Read(path).Test.Values);
    }

    [Fact]
    public void ASystemWithoutTheCapabilities_WritesNoExtras()
    {
        var data = new DataGenerator(ExactOscillator.Create(), "osc", Options, 6, 3).Generate(SilentProgress.Instance);

        Assert.Null(data.Series);
        Assert.Null(data.Metadata);
        string path = Path.Combine(_dir, "plain.h5");
        DatasetFile.Write(path, data, "{}");
        using var file = H5File.OpenRead(path);
        Assert.False(file.LinkExists("/train/series"));
        Assert.False(file.LinkExists("/fields"));
    }

    [Fact]
    public void AnAttributeNameOfTheFormat_IsRefusedWithTheFix()
    {
        var data = new DataGenerator(new Described(ExactOscillator.Create(), 1, "dt"), "osc", Options, 6, 3).Generate(SilentProgress.Instance);

        var error = Assert.Throws<InvalidOperationException>(() => DatasetFile.Write(Path.Combine(_dir, "clash.h5"), data, "{}"));

        Assert.Contains("'dt' is reserved", error.Message);
        Assert.Empty(Directory.GetFiles(_dir));
    }

    /// <summary>A system whose simulations report their time and first value, with one attribute and one field.</summary>
    private sealed class Described(IDynamicalSystem inner, double scale, string attribute = "scale") : IDynamicalSystem, IDatasetMetadata
    {
        public SystemDescription Description => inner.Description;

        public IReadOnlyDictionary<string, double> Attributes => new Dictionary<string, double> { [attribute] = scale };

        public IReadOnlyDictionary<string, double[]> Fields => new Dictionary<string, double[]> { ["marker"] = [0, 1, 0] };

        public IMicroSimulation Start(ulong seed) => new Reporting(inner.Start(seed), Description.Size);

        public IMicroSimulation Lift(ReadOnlySpan<double> observable, double time) => new Reporting(inner.Lift(observable, time), Description.Size);
    }

    private sealed class Reporting(IMicroSimulation inner, int size) : IMicroSimulation, IScalarSeries
    {
        public double Time => inner.Time;

        public IReadOnlyList<string> SeriesNames { get; } = ["time", "x0"];

        public void Advance(double duration) => inner.Advance(duration);

        public void Observe(Span<double> observable) => inner.Observe(observable);

        public void ObserveSeries(Span<double> values)
        {
            Span<double> frame = stackalloc double[size];
            inner.Observe(frame);
            values[0] = Time;
            values[1] = frame[0];
        }

        public void Dispose() => inner.Dispose();
    }
}
