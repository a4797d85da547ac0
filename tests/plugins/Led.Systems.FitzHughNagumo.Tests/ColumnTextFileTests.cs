using Led.Testing;

namespace Led.Systems.FitzHughNagumo.Tests;

public class ColumnTextFileTests
{
    [Fact]
    public void WriteThenRead_RoundTripsExactly()
    {
        string path = Path.GetTempFileName();
        try
        {
            double[] values = [-1.022019956159691656, 0.1, 1e-300, 3.0, -0.0];
            ColumnTextFile.Write(path, values);
            Assert.Equal(values, ColumnTextFile.Read(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_SkipsBlankLines_AndNamesTheBadLine()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "1.5\n\n  -2.5e-1  \n");
            Assert.Equal([1.5, -0.25], ColumnTextFile.Read(path));
            File.WriteAllText(path, "1.5\n\nabc\n");
            var error = Assert.Throws<FormatException>(() => ColumnTextFile.Read(path));
            Assert.Contains(":3:", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadObservable_RejectsFilesOfDifferentLength()
    {
        string u = Path.GetTempFileName(), v = Path.GetTempFileName();
        try
        {
            File.WriteAllText(u, "1\n2\n3\n");
            File.WriteAllText(v, "4\n5\n");
            Assert.Throws<FormatException>(() => ColumnTextFile.ReadObservable(u, v));
            File.WriteAllText(v, "4\n5\n6\n");
            Assert.Equal([1.0, 2, 3, 4, 5, 6], ColumnTextFile.ReadObservable(u, v));
        }
        finally
        {
            File.Delete(u);
            File.Delete(v);
        }
    }

    [SharedDataFact("data", "fhn-reference", "initial-conditions", "y0x.txt")]
    public void ReferenceGridFile_Holds101NodesOnZeroToTwenty()
    {
        double[] x = ColumnTextFile.Read(ReferenceData.File("initial-conditions", "y0x.txt"));
        Assert.Equal(101, x.Length);
        for (int j = 0; j < 101; j++) Assert.Equal(0.2 * j, x[j], 1e-9);
        Assert.Equal(202, ReferenceData.InitialCondition(5).Length);
    }
}
