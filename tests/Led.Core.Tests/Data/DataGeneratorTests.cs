using Led.Core.Configuration;
using Led.Core.Data;
using Led.Core.Progress;

namespace Led.Core.Tests.Data;

public class DataGeneratorTests
{
    private static readonly DataOptions Options = new()
    {
        Transient = 2.5, TrainTrajectories = 2, TrainSamples = 30, ValidationTrajectories = 1, ValidationSamples = 20, TestInitialConditions = 3,
    };

    [Fact]
    public void EverySampleIsTheExactStateAtItsTime()
    {
        var system = ExactOscillator.Create();
        double[] initial = [0.3, -0.2, 0.1, 0.0, 0.5, -0.4];
        var data = new DataGenerator(system, "osc", Options, testLength: 15, seed: 4) { InitialState = initial }.Generate(SilentProgress.Instance);

        Assert.Equal([2L, 30, 2, 3], data.Train.Shape);
        Assert.Equal([1L, 20, 2, 3], data.Validation.Shape);
        Assert.Equal([3L, 15, 2, 3], data.Test.Shape);
        foreach (int t in new[] { 0, 1, 17, 29 })
        {
            var expected = ExactOscillator.Exact(system, initial, Options.Transient + t * 0.1);
            Assert.Equal(expected, data.Train.Frame(0, t).ToArray(), new Close(1e-12));
        }
    }

    [Fact]
    public void TheSameSeedGivesTheSameDataAndRunsDiffer()
    {
        var system = ExactOscillator.Create();
        var a = new DataGenerator(system, "osc", Options, 15, seed: 9).Generate(SilentProgress.Instance);
        var b = new DataGenerator(system, "osc", Options, 15, seed: 9).Generate(SilentProgress.Instance);
        var c = new DataGenerator(system, "osc", Options, 15, seed: 10).Generate(SilentProgress.Instance);
        Assert.Equal(a.Train.Values, b.Train.Values);
        Assert.Equal(a.Test.Values, b.Test.Values);
        Assert.NotEqual(a.Train.Values, c.Train.Values);
        Assert.NotEqual(a.Test.Frame(0, 0).ToArray(), a.Test.Frame(1, 0).ToArray());
        Assert.NotEqual(a.Train.Frame(0, 0).ToArray(), a.Train.Frame(1, 0).ToArray());
    }

    [Fact]
    public void TheScalerComesFromTrainingAndValidationOnly()
    {
        var data = new DataGenerator(ExactOscillator.Create(), "osc", Options, 15, seed: 1).Generate(SilentProgress.Instance);
        var expected = MinMaxScaler.Fit(data.Train, data.Validation);
        Assert.Equal(expected.Min, data.Scaler.Min);
        Assert.Equal(expected.Max, data.Scaler.Max);
    }

    [Fact]
    public void ANonFiniteValueInsideAStateStopsTheSimulationNamingWhere()
    {
        // x of the second of three oscillators: neither the first nor the last value of the state
        var generator = new DataGenerator(ExactOscillator.Create(), "osc", Options, 15, seed: 1) { InitialState = [0, double.NaN, 0, 1, 1, 1] };
        var error = Assert.Throws<InvalidDataException>(() => generator.Generate(SilentProgress.Instance));
        Assert.StartsWith("the simulation diverged: non-finite state in the train split, trajectory 0, time step 0 (t = ", error.Message);
    }

    private sealed class Close(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
