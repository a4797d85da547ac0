using Led.Abstractions.Learning;
using Led.Abstractions.Plugins;
using Led.Abstractions.Systems;
using Led.Testing;
using static TorchSharp.torch;

namespace Led.Propagators.Sindy.Tests;

public class SindyPropagatorTests
{
    private const double SampleStep = 1e-3;

    /// <summary>Lorenz-63 (σ = 10, ρ = 28, β = 8/3) by classical RK4 at Δt/10, sampled every Δt = 1e-3: [T, 3].</summary>
    private static Tensor Lorenz(double x, double y, double z, int samples)
    {
        static (double, double, double) F(double x, double y, double z) => (10 * (y - x), x * (28 - z) - y, x * y - 8.0 / 3 * z);
        var values = new double[samples * 3];
        const double h = SampleStep / 10;
        for (int s = 0; s < samples; s++)
        {
            (values[3 * s], values[3 * s + 1], values[3 * s + 2]) = (x, y, z);
            for (int k = 0; k < 10; k++)
            {
                var (a1, b1, c1) = F(x, y, z);
                var (a2, b2, c2) = F(x + h / 2 * a1, y + h / 2 * b1, z + h / 2 * c1);
                var (a3, b3, c3) = F(x + h / 2 * a2, y + h / 2 * b2, z + h / 2 * c2);
                var (a4, b4, c4) = F(x + h * a3, y + h * b3, z + h * c3);
                (x, y, z) = (x + h / 6 * (a1 + 2 * a2 + 2 * a3 + a4), y + h / 6 * (b1 + 2 * b2 + 2 * b3 + b4), z + h / 6 * (c1 + 2 * c2 + 2 * c3 + c4));
            }
        }
        return tensor(values, [samples, 3]);
    }

    private static readonly Lazy<List<Tensor>> LorenzTrajectories = new(() =>
        [Lorenz(-8, 7, 27, 3000), Lorenz(1, 1, 1, 3000), Lorenz(10, -5, 30, 3000)]);

    private static SindyPropagator FittedOnLorenz(int degree = 2)
    {
        var sindy = new SindyPropagator(new SindyOptions { Degree = degree, Threshold = 0.1, TimeStep = SampleStep, RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-10 },
            new LatentSpace(3));
        sindy.Fit(new FitData(LorenzTrajectories.Value, []));
        return sindy;
    }

    [Fact]
    public void RegisterOffersThePropagatorUnderItsName()
    {
        var registration = RegistrationAssert.Single(new SindyPlugin(), ComponentKind.Propagator, "Sindy", typeof(SindyPropagator), typeof(SindyOptions));
        Assert.True(typeof(IFittable).IsAssignableFrom(registration.ImplementationType));
    }

    [Fact]
    public void TheLibraryListsTheMonomialsInPysindyOrder()
    {
        Assert.Equal(["1", "x0", "x1", "x0^2", "x0 x1", "x1^2"], new PolynomialLibrary(2, 2, bias: true).Names);
        Assert.Equal(["x0", "x1", "x2", "x0^2", "x0 x1", "x0 x2", "x1^2", "x1 x2", "x2^2"], new PolynomialLibrary(3, 2, bias: false).Names);
        var cubic = new PolynomialLibrary(3, 3, bias: true);
        Assert.Equal(20, cubic.Count);
        var features = new double[20];
        cubic.Evaluate([2, 3, 5], features);
        Assert.Equal(2.0 * 3 * 5, features[cubic.Names.ToList().IndexOf("x0 x1 x2")]);
        Assert.Equal(2.0 * 2 * 5, features[cubic.Names.ToList().IndexOf("x0^2 x2")]);
    }

    [Fact]
    public void SecondOrderFiniteDifferencesAreExactOnQuadratics()
    {
        // x(t) = 3t² − t + 2, y(t) = −t²: derivatives 6t − 1 and −2t at every sample, the two ends included.
        const double dt = 0.1;
        var x = Enumerable.Range(0, 7).SelectMany(i => new[] { 3 * (i * dt) * (i * dt) - i * dt + 2, -(i * dt) * (i * dt) }).ToArray();
        var derivative = FiniteDifference.Derivative(x, 2, dt);
        for (int i = 0; i < 7; i++)
        {
            Assert.Equal(6 * i * dt - 1, derivative[2 * i], 12);
            Assert.Equal(-2 * i * dt, derivative[2 * i + 1], 12);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void ItRecoversLorenz63FromCleanData(int degree)
    {
        var sindy = FittedOnLorenz(degree);
        Console.WriteLine($"Lorenz-63, degree {degree}:\n{sindy.Equations}");
        var expected = new Dictionary<(int, string), double>
        {
            [(0, "x0")] = -10, [(0, "x1")] = 10,
            [(1, "x0")] = 28, [(1, "x1")] = -1, [(1, "x0 x2")] = -1,
            [(2, "x2")] = -8.0 / 3, [(2, "x0 x1")] = 1,
        };
        int p = sindy.Terms.Count;
        for (int d = 0; d < 3; d++)
            for (int k = 0; k < p; k++)
            {
                double actual = sindy.Coefficients[d * p + k];
                if (expected.TryGetValue((d, sindy.Terms[k]), out double value))
                    Assert.True(Math.Abs(actual - value) <= 0.01 * Math.Abs(value), $"(x{d})' term {sindy.Terms[k]}: {actual}, expected {value}");
                else
                    Assert.True(actual == 0, $"(x{d})' has a spurious term {sindy.Terms[k]}: {actual}");
            }
        var equations = sindy.Equations.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, equations.Length);
        // The printed coefficients carry the finite differences' O(Δt²) error in their last digit (e.g. 27.998): the terms
        // and signs are exact, the numbers are checked above.
        const string number = @"\d+\.\d{3}";
        Assert.Matches($@"^\(x0\)' = -{number} x0 \+ {number} x1$", equations[0]);
        Assert.Matches($@"^\(x1\)' = {number} x0 - {number} x1 - {number} x0 x2$", equations[1]);
        Assert.Matches($@"^\(x2\)' = -{number} x2 \+ {number} x0 x1$", equations[2]);
        Assert.StartsWith("(x0)' = -10.00", equations[0]);
        Assert.StartsWith("(x2)' = -2.66", equations[2]);
    }

    [Fact]
    public void ForwardIntegratesEachInputOverOneTimeStep()
    {
        using var scope = NewDisposeScope();
        var sindy = FittedOnLorenz();
        var truth = Lorenz(-3, 2, 20, 51);
        using var state = sindy.Start(1);
        var predicted = sindy.Forward(state, truth[..50].unsqueeze(0)).squeeze(0);
        // Output t is input t one Δt later: the true state t + 1, up to the identified coefficients' error.
        double error = (predicted - truth[1..51]).abs().max().item<double>();
        double motion = (truth[1..51] - truth[..50]).abs().max().item<double>();
        Assert.True(error < 1e-3 * motion, $"max error {error:E3} against a step of {motion:E3}");
    }

    [Fact]
    public void TheCompiledStepAgreesWithForward()
    {
        using var scope = NewDisposeScope();
        var sindy = FittedOnLorenz();
        var step = sindy.CompileStep();
        step.Reset();
        using var state = sindy.Start(1);
        var z = tensor(new[] { 1.0, 2.0, 20.0 }, [1, 1, 3]);
        var fast = z.data<double>().ToArray();
        var next = new double[3];
        for (int t = 0; t < 100; t++)
        {
            z = sindy.Forward(state, z);
            step.Step(fast, next);
            Assert.Equal(z.data<double>().ToArray(), next);
            (fast, next) = (next, fast);
        }
    }

    [Fact]
    public void SaveAndLoadRoundTripBitForBit()
    {
        using var scope = NewDisposeScope();
        var original = FittedOnLorenz();
        using var first = new MemoryStream();
        original.Save(first);
        var loaded = new SindyPropagator(new SindyOptions { Degree = 2, TimeStep = SampleStep, RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-10 }, new LatentSpace(3));
        first.Position = 0;
        loaded.Load(first);
        using var second = new MemoryStream();
        loaded.Save(second);
        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.Equal(original.Equations, loaded.Equations);
        var z = Lorenz(4, 4, 25, 10).unsqueeze(0);
        using var a = original.Start(1);
        using var b = loaded.Start(1);
        Assert.True(original.Forward(a, z).eq(loaded.Forward(b, z)).all().item<bool>());
    }

    [Fact]
    public void TheTimeStepIsTheSystemsCoarseStepUnlessSetAndIsRequired()
    {
        var system = new SystemDescription(["u"], [4], [1.0], 0.25, false);
        Assert.Equal(0.25, new SindyPropagator(new SindyOptions(), new LatentSpace(2), system).TimeStep);
        Assert.Equal(0.5, new SindyPropagator(new SindyOptions { TimeStep = 0.5 }, new LatentSpace(2), system).TimeStep);
        var ex = Assert.Throws<ArgumentException>(() => new SindyPropagator(new SindyOptions(), new LatentSpace(2)));
        Assert.Equal("the Sindy propagator needs the time step between latent states: set its timeStep option to the system's coarse Δt", ex.Message);
    }

    [Fact]
    public void AnUnfittedModelAndInvalidOptionsAreRefusedClearly()
    {
        var sindy = new SindyPropagator(new SindyOptions { TimeStep = 0.1 }, new LatentSpace(2));
        Assert.Equal("", sindy.Equations);
        using var state = sindy.Start(1);
        var ex = Assert.Throws<InvalidOperationException>(() => sindy.Forward(state, zeros(1, 1, 2, dtype: ScalarType.Float64)));
        Assert.Equal("the SINDy model has not been fitted: call Fit (training) or Load (a trained model) first", ex.Message);
        var invalid = Assert.Throws<ArgumentException>(() => new SindyPropagator(new SindyOptions { Degree = 0, TimeStep = 0.1 }, new LatentSpace(2)));
        Assert.Equal("invalid Sindy options: degree must be between 1 and 8", invalid.Message);
    }

    /// <summary>Σ |ξ − ξ_true| over every coefficient of a Lorenz-63 model (degree 2), the seven true terms and every spurious one.</summary>
    private static double LorenzCoefficientError(SindyPropagator sindy)
    {
        var truth = new Dictionary<(int, string), double>
        {
            [(0, "x0")] = -10, [(0, "x1")] = 10,
            [(1, "x0")] = 28, [(1, "x1")] = -1, [(1, "x0 x2")] = -1,
            [(2, "x2")] = -8.0 / 3, [(2, "x0 x1")] = 1,
        };
        int p = sindy.Terms.Count;
        double error = 0;
        for (int d = 0; d < 3; d++)
            for (int k = 0; k < p; k++)
                error += Math.Abs(sindy.Coefficients[d * p + k] - truth.GetValueOrDefault((d, sindy.Terms[k])));
        return error;
    }

    [Fact]
    public void SavitzkyGolaySmoothingOfNoisyLorenzDataImprovesTheRecoveredCoefficients()
    {
        // Gaussian noise of standard deviation 0.05 (seeded) on every sample: differences at Δt = 1e-3 amplify it to ≈ 35 per
        // derivative sample; a window of 41 samples (order 3) averages it out.
        var random = new Random(17);
        double Noise() => 0.05 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var noisy = LorenzTrajectories.Value.Select(t =>
        {
            var values = t.data<double>().ToArray().Select(v => v + Noise()).ToArray();
            return tensor(values, t.shape);
        }).ToList();
        SindyPropagator Fitted(int window)
        {
            var sindy = new SindyPropagator(new SindyOptions { Degree = 2, Threshold = 0.1, TimeStep = SampleStep, SmootherWindow = window }, new LatentSpace(3));
            sindy.Fit(new FitData(noisy, []));
            return sindy;
        }
        double raw = LorenzCoefficientError(Fitted(0)), smoothed = LorenzCoefficientError(Fitted(41));
        Console.WriteLine($"noisy Lorenz-63: Σ|Δξ| {raw:F3} without smoothing, {smoothed:F3} with a window of 41");
        Assert.True(smoothed < 0.5 * raw, $"Σ|Δξ| {smoothed:F3} smoothed against {raw:F3} raw");
    }

    [Fact]
    public void InterpolationToAFinerStepIdentifiesACoarselySampledOscillatorMoreAccurately()
    {
        // z'' = −ω² z as z0' = z1, z1' = −ω² z0 with ω = 1.3, sampled at Δt = 0.2 (the test system's); degree 1, no bias.
        const double dt = 0.2, omega = 1.3;
        var trajectories = new[] { 0.0, 1.1, 2.5 }.Select(phase => tensor(Enumerable.Range(0, 80)
            .SelectMany(t => new[] { Math.Sin(omega * t * dt + phase), omega * Math.Cos(omega * t * dt + phase) }).ToArray(), [80, 2])).ToList();
        double Error(int factor)
        {
            var sindy = new SindyPropagator(new SindyOptions { Degree = 1, Bias = false, Threshold = 1e-3, TimeStep = dt, InterpolationFactor = factor }, new LatentSpace(2));
            sindy.Fit(new FitData(trajectories, []));
            double[] truth = [0, 1, -omega * omega, 0];
            return sindy.Coefficients.Zip(truth).Max(c => Math.Abs(c.First - c.Second));
        }
        double direct = Error(1), interpolated = Error(4);
        Console.WriteLine($"oscillator at Δt = 0.2: max |Δξ| {direct:E3} direct, {interpolated:E3} with cubic interpolation to Δt/4");
        Assert.InRange(direct, 1e-3, 0.1);
        Assert.True(interpolated < 0.1 * direct, $"max |Δξ| {interpolated:E3} interpolated against {direct:E3} direct");
    }

    [Fact]
    public void FittingLogsTheIdentifiedEquationsAndTheModelSummarisesThem()
    {
        var log = new ListLogger<SindyPropagator>();
        var sindy = new SindyPropagator(new SindyOptions { Degree = 2, Threshold = 0.1, TimeStep = SampleStep }, new LatentSpace(3), log);
        sindy.Fit(new FitData(LorenzTrajectories.Value, []));
        var line = Assert.Single(log.Messages);
        Assert.StartsWith("identified 7 of 30 terms from 9000 samples (degree 2, threshold 0.1, Δt/1, smoothing window 0):", line);
        Assert.EndsWith(sindy.Equations, line);
        Assert.Equal("sindy_equations.txt", sindy.SummaryFileName);
        Assert.Equal(sindy.Equations, sindy.Summary);
    }

    [Theory]
    [InlineData(4, 3, "smootherWindow must be odd (samples centred on each one), got 4: use 5")]
    [InlineData(5, 5, "smootherOrder (5) must be below smootherWindow (5)")]
    public void InvalidSmoothingIsRefusedWithTheFix(int window, int order, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => new SindyPropagator(new SindyOptions { TimeStep = 0.1, SmootherWindow = window, SmootherOrder = order }, new LatentSpace(2)));
        Assert.Equal($"invalid Sindy options: {message}", ex.Message);
    }

    [Fact]
    public void ALatentDimensionThatStaysConstantInTheTrainingDataIsReported()
    {
        // x0, x1 oscillate; x2 sits at 0.5 throughout, as a latent dimension the training trajectories do not excite.
        var z = tensor(Enumerable.Range(0, 50).SelectMany(t => new[] { Math.Sin(0.2 * t), Math.Cos(0.2 * t), 0.5 }).ToArray(), [50, 3]);
        var log = new ListLogger<SindyPropagator>();
        var sindy = new SindyPropagator(new SindyOptions { Degree = 1, TimeStep = 0.2 }, new LatentSpace(3), log);
        sindy.Fit(new FitData([z], []));
        Assert.Equal(2, log.Messages.Count);
        Assert.StartsWith("x2 stay constant in the training data, so the library's terms in them cannot be told from the constant term", log.Messages[0]);
    }
}
