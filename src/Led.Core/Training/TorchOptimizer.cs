using TorchSharp;
using TorchSharp.Modules;

namespace Led.Core.Training;

/// <summary>Adam from TorchSharp behind <see cref="IGradientOptimizer"/>.</summary>
public sealed class TorchOptimizer(torch.optim.Optimizer optimizer) : IGradientOptimizer, IDisposable
{
    public static TorchOptimizer Adam(IEnumerable<Parameter> parameters, double learningRate) =>
        new(torch.optim.Adam(parameters, learningRate));

    public void ZeroGrad() => optimizer.zero_grad();

    public void Step() => optimizer.step();

    public void Dispose() => optimizer.Dispose();
}
