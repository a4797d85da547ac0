using static TorchSharp.torch;

namespace Led.Toolkit.Learning;

/// <summary>
/// A multilayer perceptron as <c>nn.Sequential</c>: Linear(sizes[0] → sizes[1]), tanh, …, Linear(sizes[^2] → sizes[^1]),
/// with no activation after the last layer (PyTorch names <c>0.weight</c>, <c>2.weight</c>, …).
/// </summary>
public static class Mlp
{
    /// <summary>The perceptron with layer widths <paramref name="sizes"/> (input first, output last).</summary>
    public static TorchSharp.Modules.Sequential Create(IReadOnlyList<int> sizes)
    {
        if (sizes.Count < 2) throw new ArgumentException("an MLP needs an input and an output size", nameof(sizes));
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (int i = 0; i + 1 < sizes.Count; i++)
        {
            layers.Add(($"{layers.Count}", nn.Linear(sizes[i], sizes[i + 1])));
            if (i + 2 < sizes.Count) layers.Add(($"{layers.Count}", nn.Tanh()));
        }
        return nn.Sequential(layers);
    }
}
