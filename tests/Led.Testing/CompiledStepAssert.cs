using Led.Abstractions.Learning;
using static TorchSharp.torch;

namespace Led.Testing;

/// <summary>How closely a propagator's compiled step (<see cref="IFastLatentStepSource"/>) follows its tensor path.</summary>
public static class CompiledStepAssert
{
    /// <summary>
    /// The largest difference over a 30-step rollout of one trajectory from a random latent state in (0.1, 0.9) between
    /// the compiled step and <see cref="ILatentPropagator.Forward"/>, both fed the tensor path's output as the next input,
    /// after every parameter of <paramref name="module"/> is moved away from its initial value (N(0, 0.1²) added).
    /// </summary>
    public static double LargestDeviation<T>(T propagator, TorchSharp.torch.nn.Module module, int dz, ScalarType dtype)
        where T : ILatentPropagator, IFastLatentStepSource
    {
        using (no_grad())
            foreach (var (_, parameter) in module.named_parameters()) parameter.add_(randn_like(parameter) * 0.1);
        var step = propagator.CompileStep();
        step.Reset();
        using var state = propagator.Start(1);
        var z = rand(1, 1, dz, dtype: dtype) * 0.8 + 0.1;
        var next = new double[dz];
        double worst = 0;
        for (int t = 0; t < 30; t++)
        {
            var input = z.to(ScalarType.Float64).data<double>().ToArray();
            z = propagator.Forward(state, z);
            step.Step(input, next);
            var reference = z.to(ScalarType.Float64).data<double>().ToArray();
            for (int d = 0; d < dz; d++) worst = Math.Max(worst, Math.Abs(reference[d] - next[d]));
        }
        return worst;
    }
}
