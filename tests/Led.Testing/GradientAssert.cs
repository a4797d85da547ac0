using TorchSharp;
using static TorchSharp.torch;

namespace Led.Testing;

/// <summary>
/// What gradient training relies on, checked in a way that holds for any model on any CPU — unlike how far a number of
/// training steps gets, which depends on libtorch's kernels.
/// </summary>
public static class GradientAssert
{
    /// <summary>
    /// The gradient of <paramref name="loss"/> reaches every parameter of <paramref name="module"/>, and one plain step
    /// against it lowers the loss by what the gradient predicts, η·|g|², to within 10 %: a missing, detached or wrong
    /// gradient fails. The step η is sized to lower the loss by a millionth: far above float64 rounding, and small enough
    /// that the second-order term does not count. Leaves the parameters moved by that step; returns the loss before.
    /// </summary>
    public static double DescendsAsPredicted(nn.Module module, Func<Tensor> loss)
    {
        var parameters = module.named_parameters().ToList();
        module.zero_grad();
        double before;
        using (var scope = NewDisposeScope())
        {
            var value = loss();
            value.backward();
            before = value.item<double>();
        }
        Assert.True(double.IsFinite(before) && before > 0, $"loss {before}");
        using var gradients = new DisposableList(parameters.Select(p => p.parameter.grad?.detach().clone()));
        for (int i = 0; i < parameters.Count; i++)
            Assert.True(gradients[i] is { } g && g.abs().max().item<double>() > 0, $"no gradient reaches {parameters[i].name}");
        double squared = gradients.Sum(g => g!.square().sum().item<double>());
        double step = 1e-6 * before / squared;
        using (no_grad())
            for (int i = 0; i < parameters.Count; i++)
                parameters[i].parameter.sub_(gradients[i]! * step);
        double after;
        using (no_grad())
        using (var scope = NewDisposeScope())
            after = loss().item<double>();
        double ratio = (before - after) / (step * squared);
        Assert.True(ratio is > 0.9 and < 1.1, $"a step of {step:E3} lowered the loss by {before - after:E3}, {ratio:F4} × the predicted {step * squared:E3}");
        return before;
    }

    private sealed class DisposableList(IEnumerable<Tensor?> items) : List<Tensor?>(items), IDisposable
    {
        public void Dispose()
        {
            foreach (var item in this) item?.Dispose();
        }
    }
}
