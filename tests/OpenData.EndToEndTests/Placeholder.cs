namespace OpenData.EndToEndTests;
