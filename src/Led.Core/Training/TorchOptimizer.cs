using TorchSharp;
using TorchSharp.Modules;

namespace Led.Core.Training;

/// <summary>Adam from TorchSharp behind <see cref="IGradientOptimizer"/>; its state (moments and step counts per parameter) is TorchSharp's state dict.</summary>
public sealed class TorchOptimizer(OptimizerHelper optimizer) : IGradientOptimizer, IDisposable
{
    public static TorchOptimizer Adam(IEnumerable<Parameter> parameters, double learningRate) =>
        new(torch.optim.Adam(parameters, learningRate));

    public void ZeroGrad() => optimizer.zero_grad();

    public void Step() => optimizer.step();

    public void SaveState(BinaryWriter writer) => optimizer.save_state_dict(writer);

    public void LoadState(BinaryReader reader) => optimizer.load_state_dict(reader);

    public void Dispose() => optimizer.Dispose();
}
