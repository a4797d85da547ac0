using Led.Abstractions.Learning;
using Led.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Propagators.Lstm.Tests;

public class LstmPropagatorTests
{
    private static LstmPropagator Create(int dz = 3, int hidden = 8, LstmOutput output = LstmOutput.TanhPlus, int seed = 5) =>
        new(new LstmOptions { Hidden = hidden, Output = output }, new LatentSpace(dz), CpuDevice.Seeded(seed));

    [Fact]
    public void DisposingReleasesTheNetworkAndForbidsFurtherUse()
    {
        var lstm = new LstmPropagator(new LstmOptions { Hidden = 8 }, new LatentSpace(3), CpuDevice.Seeded(2));
        DisposalAssert.ReleasesItsModule(lstm, l => l.Start(1));
    }

    [Fact]
    public void ForwardMatchesTheLstmCellEquationsWithGateOrderIfgo()
    {
        using var scope = NewDisposeScope();
        var lstm = Create();
        var p = lstm.Module.named_parameters().ToDictionary(kv => kv.name, kv => kv.parameter.detach());
        var input = rand(2, 4, 3, dtype: ScalarType.Float64);
        using var state = lstm.Start(2);
        var output = lstm.Forward(state, input);

        var h = zeros(2, 8, dtype: ScalarType.Float64);
        var c = zeros(2, 8, dtype: ScalarType.Float64);
        for (int t = 0; t < 4; t++)
        {
            var gates = input[.., t].matmul(p["lstm.weight_ih_l0"].t()) + p["lstm.bias_ih_l0"] + h.matmul(p["lstm.weight_hh_l0"].t()) + p["lstm.bias_hh_l0"];
            var chunks = gates.chunk(4, 1);
            var (i, f, g, o) = (chunks[0].sigmoid(), chunks[1].sigmoid(), chunks[2].tanh(), chunks[3].sigmoid());
            c = f * c + i * g;
            h = o * c.tanh();
            var expected = (h.matmul(p["head.weight"].t()) + p["head.bias"]).tanh() * 0.5 + 0.5;
            Assert.True(allclose(output[.., t], expected, rtol: 0, atol: 1e-14));
        }
    }

    [Fact]
    public void TheHiddenStateCarriesAcrossCallsExactlyAsInOneSequence()
    {
        using var scope = NewDisposeScope();
        var lstm = Create();
        var input = rand(3, 6, 3, dtype: ScalarType.Float64);
        using var whole = lstm.Start(3);
        var all = lstm.Forward(whole, input);
        using var stepwise = lstm.Start(3);
        for (int t = 0; t < 6; t++)
            Assert.True(allclose(lstm.Forward(stepwise, input[.., t..(t + 1)]), all[.., t..(t + 1)], rtol: 0, atol: 1e-15));
    }

    [Fact]
    public void InitialisationFollowsTheReference()
    {
        var lstm = Create(dz: 4, hidden: 16);
        var p = lstm.Module.named_parameters().ToDictionary(kv => kv.name, kv => kv.parameter.detach());
        foreach (var bias in new[] { "lstm.bias_ih_l0", "lstm.bias_hh_l0", "head.bias" })
            Assert.All(p[bias].data<double>().ToArray(), v => Assert.Equal(0.001, v));
        var w = p["lstm.weight_hh_l0"];                       // [4H, H]: orthonormal columns
        double orthogonality = (w.t().matmul(w) - eye(16, dtype: ScalarType.Float64)).abs().max().item<double>();
        Assert.True(orthogonality < 1e-12, $"max |WᵀW − I| = {orthogonality}");
        double bound = Math.Sqrt(6.0 / (4 + 64));              // Xavier for [4H, d_z] = [64, 4]
        double largest = p["lstm.weight_ih_l0"].abs().max().item<double>();
        Assert.True(largest <= bound && largest > bound / 2, $"max |W_ih| = {largest}, Xavier bound {bound}");
    }

    [Fact]
    public void OnALinearLatentMapTheGradientThroughTheSequenceReachesEveryParameterAndDescendsAsPredicted()
    {
        using var scope = NewDisposeScope();
        var lstm = Create(dz: 2, hidden: 16, output: LstmOutput.Identity, seed: 3);
        // z_{t+1} = R z_t, a rotation by 0.3 rad around (0.5, 0.5): 32 sequences of 40 steps
        var z = empty(32, 41, 2, dtype: ScalarType.Float64);
        var angle = rand(32, dtype: ScalarType.Float64) * 2 * Math.PI;
        for (int t = 0; t <= 40; t++)
        {
            z[.., t, 0] = 0.5 + 0.3 * (angle + 0.3 * t).cos();
            z[.., t, 1] = 0.5 + 0.3 * (angle + 0.3 * t).sin();
        }
        // Two chunks of 20 steps, the memory carried across them: the gradient reaches the first chunk's steps too.
        GradientAssert.DescendsAsPredicted(lstm.Module, () =>
        {
            using var state = lstm.Start(32);
            var first = lstm.Forward(state, z[.., ..20]);
            var second = lstm.Forward(state, z[.., 20..40]);
            return nn.functional.mse_loss(cat([first, second], 1), z[.., 1..41]);
        });
    }

    [Theory]
    [InlineData(LstmOutput.Identity)]
    [InlineData(LstmOutput.TanhPlus)]
    public void AResidualLstmWithAZeroHeadIsTheIdentityMap(LstmOutput output)
    {
        using var scope = NewDisposeScope();
        var lstm = new LstmPropagator(new LstmOptions { Hidden = 8, Output = output, Residual = true }, new LatentSpace(3), CpuDevice.Seeded(1));
        using (no_grad())
            foreach (var (name, parameter) in lstm.Module.named_parameters())
                if (name.StartsWith("head.", StringComparison.Ordinal)) parameter.zero_();
        var z = rand(2, 5, 3, dtype: ScalarType.Float64) * 0.9 + 0.05;
        using var state = lstm.Start(2);
        var next = lstm.Forward(state, z);
        Assert.True(allclose(next, z, rtol: 0, atol: 1e-12));
    }

    [Theory]
    [InlineData(LstmOutput.TanhPlus, false, RecurrentCell.Lstm, 1)]
    [InlineData(LstmOutput.Identity, false, RecurrentCell.Lstm, 1)]
    [InlineData(LstmOutput.TanhPlus, true, RecurrentCell.Lstm, 1)]
    [InlineData(LstmOutput.Identity, true, RecurrentCell.Lstm, 1)]
    [InlineData(LstmOutput.TanhPlus, false, RecurrentCell.Gru, 1)]
    [InlineData(LstmOutput.Identity, true, RecurrentCell.Gru, 2)]
    [InlineData(LstmOutput.TanhPlus, false, RecurrentCell.Lstm, 2)]
    [InlineData(LstmOutput.TanhPlus, true, RecurrentCell.Lstm, 3)]
    public void TheCompiledStepOfAnyCellAndDepthAgreesWithTheTensorPathInFloat64(LstmOutput output, bool residual, RecurrentCell cell, int layers)
    {
        using var scope = NewDisposeScope();
        var network = new LstmPropagator(new LstmOptions { Hidden = 24, Output = output, Residual = residual, Cell = cell, Layers = layers },
            new LatentSpace(5), CpuDevice.Seeded(9));
        Assert.InRange(CompiledStepAssert.LargestDeviation(network, network.Module, 5, ScalarType.Float64), 0, 1e-12);
    }

    [Theory]
    [InlineData(RecurrentCell.Lstm, 1)]
    [InlineData(RecurrentCell.Gru, 1)]
    [InlineData(RecurrentCell.Lstm, 2)]
    public void AFloat32ModelCompilesToAFloat32StepThatAgreesToSinglePrecision(RecurrentCell cell, int layers)
    {
        using var scope = NewDisposeScope();
        var network = new LstmPropagator(new LstmOptions { Hidden = 64, Cell = cell, Layers = layers }, new LatentSpace(8), CpuDevice.Seeded(9, ScalarType.Float32));
        Assert.Equal("LstmFastStep`1", network.CompileStep().GetType().Name);
        Assert.Equal(typeof(float), network.CompileStep().GetType().GetGenericArguments()[0]);
        // Single precision: summation order differs (fused rows, FMA), so agreement is to a few float32 ulps.
        Assert.InRange(CompiledStepAssert.LargestDeviation(network, network.Module, 8, ScalarType.Float32), 0, 2e-6);
    }

    /// <summary>Hidden sizes off the SIMD width (padded unit blocks) and one a whole number of 512-bit float32 blocks, both precisions.</summary>
    [Theory]
    [InlineData(ScalarType.Float64, 37, 1, 1e-12)]
    [InlineData(ScalarType.Float64, 13, 2, 1e-12)]
    [InlineData(ScalarType.Float32, 37, 1, 2e-6)]
    [InlineData(ScalarType.Float32, 13, 2, 2e-6)]
    [InlineData(ScalarType.Float32, 256, 1, 2e-6)]
    public void TheCompiledLstmStepAgreesWithTheTensorPathOffTheVectorWidth(ScalarType dtype, int hidden, int layers, double tolerance)
    {
        using var scope = NewDisposeScope();
        var network = new LstmPropagator(new LstmOptions { Hidden = hidden, Layers = layers }, new LatentSpace(8), CpuDevice.Seeded(4, dtype));
        Assert.InRange(CompiledStepAssert.LargestDeviation(network, network.Module, 8, dtype), 0, tolerance);
    }

    [Fact]
    public void WrongLatentShapesAreRejectedClearly()
    {
        var lstm = Create(dz: 3);
        using var state = lstm.Start(1);
        var ex = Assert.Throws<ArgumentException>(() => lstm.Forward(state, zeros(1, 5, 4, dtype: ScalarType.Float64)));
        Assert.Equal("expected latents [B, T, 3], got [1, 5, 4]", ex.Message);
    }

    [Fact]
    public void AGruForwardMatchesTheGruCellEquationsWithGateOrderRzn()
    {
        using var scope = NewDisposeScope();
        var gru = new LstmPropagator(new LstmOptions { Hidden = 8, Cell = RecurrentCell.Gru }, new LatentSpace(3), CpuDevice.Seeded(4));
        var p = gru.Module.named_parameters().ToDictionary(kv => kv.name, kv => kv.parameter.detach());
        Assert.Equal(["gru.weight_ih_l0", "gru.weight_hh_l0", "gru.bias_ih_l0", "gru.bias_hh_l0", "head.weight", "head.bias"], p.Keys);
        var input = rand(2, 4, 3, dtype: ScalarType.Float64);
        using var state = gru.Start(2);
        var output = gru.Forward(state, input);

        var h = zeros(2, 8, dtype: ScalarType.Float64);
        for (int t = 0; t < 4; t++)
        {
            var a = (input[.., t].matmul(p["gru.weight_ih_l0"].t()) + p["gru.bias_ih_l0"]).chunk(3, 1);
            var b = (h.matmul(p["gru.weight_hh_l0"].t()) + p["gru.bias_hh_l0"]).chunk(3, 1);
            var (r, z) = ((a[0] + b[0]).sigmoid(), (a[1] + b[1]).sigmoid());
            var n = (a[2] + r * b[2]).tanh();
            h = (1 - z) * n + z * h;
            var expected = (h.matmul(p["head.weight"].t()) + p["head.bias"]).tanh() * 0.5 + 0.5;
            Assert.True(allclose(output[.., t], expected, rtol: 0, atol: 1e-14));
        }
    }

    [Fact]
    public void AHandSetGruCellMapsEachInputToTanhOfHalfIt()
    {
        // Every parameter zero except the n row of W_ih (0.5), the z bias (−1000: σ underflows to exactly 0, so h ← n) and an
        // identity head of weight 1: the GRU maps any input sequence to tanh(0.5 x_t), step by step, on any machine.
        using var scope = NewDisposeScope();
        var gru = new LstmPropagator(new LstmOptions { Hidden = 1, Cell = RecurrentCell.Gru, Output = LstmOutput.Identity }, new LatentSpace(1), CpuDevice.Seeded(1));
        using (no_grad())
        {
            foreach (var (_, parameter) in gru.Module.named_parameters()) parameter.zero_();
            var p = gru.Module.named_parameters().ToDictionary(kv => kv.name, kv => kv.parameter);
            p["gru.weight_ih_l0"][2, 0] = tensor(0.5, dtype: ScalarType.Float64);       // n row
            p["gru.bias_ih_l0"][1] = tensor(-1000.0, dtype: ScalarType.Float64);        // z = σ(−1000) = 0
            p["head.weight"][0, 0] = tensor(1.0, dtype: ScalarType.Float64);
        }
        var x = tensor(new[] { -2.0, -0.5, 0.0, 0.3, 1.7 }, [1, 5, 1], dtype: ScalarType.Float64);
        using var state = gru.Start(1);
        var y = gru.Forward(state, x).data<double>().ToArray();
        var step = gru.CompileStep();
        step.Reset();
        var next = new double[1];
        for (int t = 0; t < 5; t++)
        {
            double input = x[0, t, 0].item<double>();
            Assert.Equal(Math.Tanh(0.5 * input), y[t], 1e-15);              // tanh implementations differ by an ulp
            step.Step([input], next);
            Assert.Equal(Math.Tanh(0.5 * input), next[0], 1e-15);
        }
    }

    [Fact]
    public void TwoStackedLayersFeedTheFirstLayersHiddenStateToTheSecond()
    {
        using var scope = NewDisposeScope();
        var stacked = new LstmPropagator(new LstmOptions { Hidden = 6, Layers = 2, Output = LstmOutput.Identity }, new LatentSpace(3), CpuDevice.Seeded(8));
        var p = stacked.Module.named_parameters().ToDictionary(kv => kv.name, kv => kv.parameter.detach());
        Assert.Equal([6 * 4, 3], p["lstm.weight_ih_l0"].shape);
        Assert.Equal([6 * 4, 6], p["lstm.weight_ih_l1"].shape);
        Assert.Equal("RNN.1.RNN_cell.weight_hh", stacked.ReferenceNames["lstm.weight_hh_l1"]);
        var input = rand(2, 5, 3, dtype: ScalarType.Float64);
        using var state = stacked.Start(2);
        var output = stacked.Forward(state, input);

        var h = new[] { zeros(2, 6, dtype: ScalarType.Float64), zeros(2, 6, dtype: ScalarType.Float64) };
        var c = new[] { zeros(2, 6, dtype: ScalarType.Float64), zeros(2, 6, dtype: ScalarType.Float64) };
        for (int t = 0; t < 5; t++)
        {
            var x = input[.., t];
            for (int l = 0; l < 2; l++)
            {
                var gates = x.matmul(p[$"lstm.weight_ih_l{l}"].t()) + p[$"lstm.bias_ih_l{l}"] + h[l].matmul(p[$"lstm.weight_hh_l{l}"].t()) + p[$"lstm.bias_hh_l{l}"];
                var chunks = gates.chunk(4, 1);
                c[l] = chunks[1].sigmoid() * c[l] + chunks[0].sigmoid() * chunks[2].tanh();
                h[l] = chunks[3].sigmoid() * c[l].tanh();
                x = h[l];
            }
            Assert.True(allclose(output[.., t], x.matmul(p["head.weight"].t()) + p["head.bias"], rtol: 0, atol: 1e-14));
        }
    }

    [Theory]
    [InlineData(RecurrentCell.Gru, 2)]
    [InlineData(RecurrentCell.Lstm, 2)]
    public void SaveAndLoadRoundTripBitForBit(RecurrentCell cell, int layers)
    {
        using var scope = NewDisposeScope();
        var options = new LstmOptions { Hidden = 12, Cell = cell, Layers = layers };
        var original = new LstmPropagator(options, new LatentSpace(3), CpuDevice.Seeded(21));
        using (no_grad())
            foreach (var (_, parameter) in original.Module.named_parameters()) parameter.add_(randn_like(parameter) * 0.1);
        string path = Path.Combine(Path.GetTempPath(), $"led-lstm-{Guid.NewGuid():N}.bin");
        try
        {
            original.Module.save(path);
            var loaded = new LstmPropagator(options, new LatentSpace(3), CpuDevice.Seeded(22));
            loaded.Module.load(path);
            var a = original.Module.named_parameters().ToDictionary(kv => kv.name, kv => kv.parameter.detach());
            foreach (var (name, parameter) in loaded.Module.named_parameters())
                Assert.True(a[name].eq(parameter.detach()).all().item<bool>(), name);
            var z = rand(2, 7, 3, dtype: ScalarType.Float64);
            using var first = original.Start(2);
            using var second = loaded.Start(2);
            Assert.True(original.Forward(first, z).eq(loaded.Forward(second, z)).all().item<bool>());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
