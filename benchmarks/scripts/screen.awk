BEGIN { FS = ","; OFS = ","; print "ticker,as_of,classification,digital_asset_ratio" }
NR > 1 {
  if ($4 == "" || $4 + 0 == 0 || $3 + 0 > $4 + 0) { print $1, $2, "Indeterminate", "" }
  else { c = ($3 * 100 >= 50 * $4) ? "DigitalAssetTreasury" : "OperatingCompany"; printf "%s,%s,%s,%.10g\n", $1, $2, c, $3 / $4 }
}
