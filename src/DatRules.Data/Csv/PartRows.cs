namespace DatRules.Data;

/// <summary>The rows one part of a file read on several cores wrote into a column (<see cref="ColumnStore.PartAt"/>).</summary>
/// <param name="Store">The part's store.</param>
/// <param name="Base">The row where the part wrote its first row.</param>
/// <param name="Start">The row where its first row belongs: the rows of the earlier parts come before it.</param>
/// <param name="Count">The number of rows the part read.</param>
internal readonly record struct PartRows(ColumnStore Store, int Base, int Start, int Count);
