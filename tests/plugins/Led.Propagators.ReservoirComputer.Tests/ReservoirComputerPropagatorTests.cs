using Led.Abstractions.Learning;
using Led.Abstractions.Plugins;
using Led.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Propagators.ReservoirComputer.Tests;

public class ReservoirComputerPropagatorTests
{
    private static ReservoirComputerPropagator Create(int dz = 2, int size = 24, int degree = 4, double radius = 0.9, double beta = 0, int washOut = 0,
        double noise = 0, double? leak = null, double inputScaling = 1.0, int seed = 5)
    {
        CpuDevice.Seeded(seed);
        return new ReservoirComputerPropagator(new ReservoirComputerOptions
        {
            Size = size, Degree = degree, Radius = radius, Regularization = beta, WashOut = washOut, Noise = noise, LeakRate = leak, InputScaling = inputScaling,
        }, new LatentSpace(dz));
    }

    /// <summary><paramref name="count"/> random trajectories [length, d_z] with values in [0, 1).</summary>
    private static FitData RandomTrajectories(int count, int length, int dz, int seed)
    {
        var generator = new Generator((ulong)seed);
        return new FitData(Enumerable.Range(0, count).Select(_ => rand([length, dz], ScalarType.Float64, generator: generator)).ToList(), []);
    }

    private static Tensor Dense(Reservoir reservoir)
    {
        var w = new double[reservoir.Size * reservoir.Size];
        for (int r = 0; r < reservoir.Size; r++)
            for (int k = reservoir.RowStart[r]; k < reservoir.RowStart[r + 1]; k++) w[r * reservoir.Size + reservoir.Columns[k]] = reservoir.Values[k];
        return tensor(w, [reservoir.Size, reservoir.Size]);
    }

    [Fact]
    public void RegisterOffersThePropagatorUnderItsName()
    {
        var registration = RegistrationAssert.Single(new ReservoirComputerPlugin(), ComponentKind.Propagator, "ReservoirComputer", typeof(ReservoirComputerPropagator), typeof(ReservoirComputerOptions));
        Assert.True(typeof(IFittable).IsAssignableFrom(registration.ImplementationType));
    }

    [Fact]
    public void TheReservoirHasSizeTimesDegreeEntriesAndABlockInputMatrix()
    {
        var rc = Create(dz: 3, size: 100, degree: 7, inputScaling: 0.5);
        Assert.Equal(102, rc.Size);                                        // rounded up to a multiple of d_z
        var reservoir = rc.Reservoir;
        Assert.Equal(102 * 7, reservoir.Columns.Length);
        Assert.All(reservoir.Values.ToArray(), v => Assert.True(v >= 0, $"{v}"));
        Assert.All(reservoir.InputWeights.ToArray(), v => Assert.InRange(v, -0.5, 0.5));
        Assert.True(reservoir.InputWeights.ToArray().Min() < -0.4 && reservoir.InputWeights.ToArray().Max() > 0.4);
        // Unit i only feels latent dimension i / 34: a change of dimension 1 moves units 34..67 and no other.
        var h0 = new double[102];
        var h1 = new double[102];
        var scratch = new double[102];
        reservoir.Advance(h0, [0.2, 0.3, 0.4], scratch);
        reservoir.Advance(h1, [0.2, 0.9, 0.4], scratch);
        for (int i = 0; i < 102; i++)
            Assert.True((i / 34 == 1) == (h0[i] != h1[i]), $"unit {i}: {h0[i]} vs {h1[i]}");
    }

    [Theory]
    [InlineData(60, 6, 0.9)]
    [InlineData(200, 3, 1.3)]
    [InlineData(50, 50, 0.99)]
    public void TheSpectralRadiusIsTheRequestedOneWithinOneMillionth(int size, int degree, double radius)
    {
        using var scope = NewDisposeScope();
        var rc = Create(dz: 1, size: size, degree: degree, radius: radius);
        double actual = linalg.eigvals(Dense(rc.Reservoir)).abs().max().item<double>();
        Assert.True(Math.Abs(actual - radius) < 1e-6, $"spectral radius {actual}, requested {radius}");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0.3)]
    public void ForwardIsTheReservoirUpdateAndTheReadoutCarryingTheStateAcrossCalls(double? leak)
    {
        using var scope = NewDisposeScope();
        var rc = Create(leak: leak);
        rc.Fit(RandomTrajectories(10, 20, 2, seed: 1));
        var w = Dense(rc.Reservoir);
        var win = tensor(rc.Reservoir.InputWeights.ToArray());
        var wout = tensor(rc.Readout.ToArray(), [2, 24]);
        var z = rand(3, 6, 2, dtype: ScalarType.Float64);
        using var whole = rc.Start(3);
        var all = rc.Forward(whole, z);
        using var stepwise = rc.Start(3);
        var h = zeros(3, 24, dtype: ScalarType.Float64);
        var even = (arange(24) % 2).eq(0);
        for (int t = 0; t < 6; t++)
        {
            var drive = (h.matmul(w.t()) + win * z[.., t].repeat_interleave(12, 1)).tanh();
            h = leak is double a ? (1 - a) * h + a * drive : drive;
            var expected = where(even, h.square(), h).matmul(wout.t());
            ReferenceOps.AssertClose(expected, all[.., t], 1e-13);
            ReferenceOps.AssertClose(all[.., t..(t + 1)], rc.Forward(stepwise, z[.., t..(t + 1)]), 0);
        }
    }

    [Fact]
    public void WithoutRegularisationTheReadoutOfTrajectoriesThatAReadoutGeneratedIsThatReadout()
    {
        using var scope = NewDisposeScope();
        // A reservoir computer run autonomously (its prediction fed back) generates z_{t+1} = W aug(h_t) exactly: fitting
        // the same reservoir to those trajectories with β = 0 must return W itself.
        var teacher = Create(beta: 1e-3);
        teacher.Fit(RandomTrajectories(10, 30, 2, seed: 2));
        var generator = new Generator(3);
        var trajectories = new List<Tensor>();
        for (int i = 0; i < 40; i++)
        {
            using var state = teacher.Start(1);
            var z = rand([1, 1, 2], ScalarType.Float64, generator: generator);
            var steps = new List<Tensor> { z };
            for (int t = 0; t < 30; t++) steps.Add(z = teacher.Forward(state, z));
            trajectories.Add(cat(steps, 1).squeeze(0));
        }
        using var saved = new MemoryStream();
        teacher.Save(saved);
        var student = Create(beta: 0, seed: 99);
        saved.Position = 0;
        student.Load(saved);                                               // the teacher's reservoir
        student.Fit(new FitData(trajectories, []));
        Assert.Equal(40 * 30, student.FittedSamples);
        double largest = teacher.Readout.Max(Math.Abs);
        double worst = teacher.Readout.Zip(student.Readout, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(largest > 0.1, $"max |W| = {largest}");
        Assert.True(worst < 1e-8 * largest, $"max |W_fitted − W| = {worst:E3} (max |W| = {largest:E3})");
    }

    [Fact]
    public void TheWashOutDropsTheFirstStatesOfEachTrajectory()
    {
        var rc = Create(washOut: 5);
        rc.Fit(new FitData([rand(20, 2, dtype: ScalarType.Float64), rand(6, 2, dtype: ScalarType.Float64), rand(12, 2, dtype: ScalarType.Float64)], []));
        Assert.Equal((20 - 1 - 5) + 0 + (12 - 1 - 5), rc.FittedSamples);
        var ex = Assert.Throws<ArgumentException>(() => Create(washOut: 30).Fit(RandomTrajectories(3, 30, 2, seed: 1)));
        Assert.Equal("no training trajectory is longer than the wash-out of 30 steps plus one", ex.Message);
    }

    [Fact]
    public void InputNoiseChangesTheFitReproduciblyAndNoneLeavesItDeterministic()
    {
        var data = RandomTrajectories(5, 40, 2, seed: 4);
        double[] Fitted(double noise)
        {
            var rc = Create(beta: 1e-6, noise: noise);
            rc.Fit(data);
            return rc.Readout.ToArray();
        }
        Assert.Equal(Fitted(0), Fitted(0));
        Assert.Equal(Fitted(0.05), Fitted(0.05));
        double change = Fitted(0).Zip(Fitted(0.05), (a, b) => Math.Abs(a - b)).Max();
        Assert.True(change > 1e-3, $"noise changed the read-out by {change}");
    }

    [Fact]
    public void SaveAndLoadRoundTripBitForBit()
    {
        using var scope = NewDisposeScope();
        var original = Create(leak: 0.5);
        original.Fit(RandomTrajectories(6, 25, 2, seed: 6));
        using var first = new MemoryStream();
        original.Save(first);
        var loaded = Create(leak: 0.5, seed: 77);                         // another random reservoir, replaced by the saved one
        first.Position = 0;
        loaded.Load(first);
        using var second = new MemoryStream();
        loaded.Save(second);
        Assert.Equal(first.ToArray(), second.ToArray());
        var z = rand(2, 8, 2, dtype: ScalarType.Float64);
        using var a = original.Start(2);
        using var b = loaded.Start(2);
        Assert.True(original.Forward(a, z).eq(loaded.Forward(b, z)).all().item<bool>());
    }

    [Fact]
    public void LoadingAModelOfAnotherShapeIsRefused()
    {
        var original = Create(size: 24);
        original.Fit(RandomTrajectories(3, 10, 2, seed: 1));
        using var stream = new MemoryStream();
        original.Save(stream);
        stream.Position = 0;
        var ex = Assert.Throws<InvalidDataException>(() => Create(size: 30).Load(stream));
        Assert.Equal("saved reservoir computer has d_z = 2 and 24 units; this one is configured for d_z = 2 and 30", ex.Message);
    }

    [Fact]
    public void TheCompiledStepAgreesWithForwardOverARollout()
    {
        using var scope = NewDisposeScope();
        var rc = Create(leak: 0.7);
        rc.Fit(RandomTrajectories(8, 30, 2, seed: 8));
        var step = rc.CompileStep();
        step.Reset();
        using var state = rc.Start(1);
        var z = rand(1, 1, 2, dtype: ScalarType.Float64);
        var fast = z.data<double>().ToArray();
        var next = new double[2];
        for (int t = 0; t < 40; t++)
        {
            z = rc.Forward(state, z);
            step.Step(fast, next);
            var reference = z.data<double>().ToArray();
            for (int d = 0; d < 2; d++) Assert.True(Math.Abs(reference[d] - next[d]) <= 1e-12, $"t = {t}: {reference[d]} vs {next[d]}");
            (fast, next) = (next, fast);
        }
    }

    [Fact]
    public void AnUnfittedReservoirComputerAndInvalidOptionsAreRefusedClearly()
    {
        var rc = Create();
        using var state = rc.Start(1);
        var ex = Assert.Throws<InvalidOperationException>(() => rc.Forward(state, zeros(1, 1, 2, dtype: ScalarType.Float64)));
        Assert.Equal("the reservoir computer has not been fitted: call Fit (training) or Load (a trained model) first", ex.Message);
        var invalid = Assert.Throws<ArgumentException>(() => new ReservoirComputerPropagator(new ReservoirComputerOptions { Size = 10, Degree = 11 }, new LatentSpace(2)));
        Assert.Equal("invalid ReservoirComputer options: degree 11 exceeds size 10", invalid.Message);
    }

    [Fact]
    public void FittingLogsTheReservoirAndTheTrainingResidualThatTeacherForcingReproduces()
    {
        using var scope = NewDisposeScope();
        CpuDevice.Seeded(5);
        var log = new ListLogger<ReservoirComputerPropagator>();
        var rc = new ReservoirComputerPropagator(new ReservoirComputerOptions { Size = 24, Degree = 4, Radius = 0.9, Regularization = 0.01, WashOut = 5 },
            new LatentSpace(2), log);
        var data = RandomTrajectories(1, 60, 2, seed: 3);
        rc.Fit(data);
        // The residual from the accumulated products equals the one of a teacher-forced pass: output t against input t + 1.
        using var state = rc.Start(1);
        var z = data.Training[0];
        var predicted = rc.Forward(state, z.unsqueeze(0)).squeeze(0);
        double direct = Math.Sqrt((predicted[5..59] - z[6..60]).square().mean().item<double>());
        Assert.Equal(direct, rc.TrainingResidual, direct * 1e-6);
        var line = Assert.Single(log.Messages);
        Assert.StartsWith("fitted the read-out: 24 units (degree 4, spectral radius 0.9, input scaling 1), ridge β 0.01, 54 training pairs after a wash-out of 5, RMS training residual ", line);
    }
}
