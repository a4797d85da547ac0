using System.Text;
using Led.Abstractions.Learning;
using Led.Core.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Led.Core.Tests.Training;

public sealed class PyTorchImportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("led-import").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed class Weights : nn.Module, ITrainable
    {
        public Weights() : base("weights")
        {
            w = new Parameter(zeros(2, 3, dtype: ScalarType.Float64));
            RegisterComponents();
        }

#pragma warning disable IDE1006 // the state dict's name
        private readonly Parameter w;
#pragma warning restore IDE1006

        public nn.Module Module => this;

        public double[] Values => w.data<double>().ToArray();
    }

    private string Archive(string name, double[] values) =>
        StateDictArchive.Write(Path.Combine(_dir, name + ".pt"), 6, [2, 3], [3, 1], values.SelectMany(BitConverter.GetBytes).ToArray());

    [Fact]
    public void FiniteWeightsAreImported()
    {
        using var weights = new Weights();
        Assert.Equal(1, PyTorchImport.Import(Archive("ok", [1, 2, 3, 4, 5, 6]), [weights]));
        Assert.Equal([1.0, 2, 3, 4, 5, 6], weights.Values);
    }

    [Fact]
    public void NonFiniteWeightsAreRefusedAndNothingIsLoaded()
    {
        using var weights = new Weights();
        string path = Archive("nan", [1, 2, double.NaN, 4, 5, 6]);
        var error = Assert.Throws<InvalidDataException>(() => PyTorchImport.Import(path, [weights]));
        Assert.Contains("Weights.w: 'w' holds non-finite values (NaN or ±∞): the model diverged when it was trained; export a model that trained well", error.Message);
        Assert.Equal(new double[6], weights.Values);
    }

    [Fact]
    public void APickleHoldingCodeIsRefusedAsNotTensors()
    {
        // {"w": os.system("echo hi")}
        byte[] pickle = [0x80, 2, (byte)'}', (byte)'(', .. StateDictArchive.Text("w"), .. Encoding.ASCII.GetBytes("cos\nsystem\n"),
            (byte)'(', .. StateDictArchive.Text("echo hi"), (byte)'t', (byte)'R', (byte)'u', (byte)'.'];
        string path = StateDictArchive.Write(Path.Combine(_dir, "code.pt"), 6, [2, 3], [3, 1], new byte[48], pickle);
        using var weights = new Weights();
        var error = Assert.Throws<InvalidDataException>(() => PyTorchImport.Import(path, [weights]));
        Assert.Equal($"{path} holds code or objects that are not tensors (os.system): they are not loaded; save only the weights with torch.save(model.state_dict())", error.Message);
        Assert.DoesNotContain("IObjectConstructor", error.ToString().Split('\n')[0]);
    }
}
