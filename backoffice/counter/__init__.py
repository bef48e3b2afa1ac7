"""The PCC counter of a customs office (FAQ Q2 ①): an officer issues, looks up or puts out of
use a code for a foreigner who shows the card; every view of a whole registration number is
recorded with its reason."""
