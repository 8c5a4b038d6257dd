## Importing lists of people into the person index (koldo people import).
## The other reasons a row is refused are shared with shelter imports (shelters.ftl).

import-problem-not-json = this line is not one JSON object; write each person as one object on one line
import-problem-bad-sex = “{ $value }” is not a sex: write M or F, or leave it empty
import-problem-bad-age = “{ $value }” is not an age from 0 to 120
import-problem-bad-birth-year = “{ $value }” is not a birth year: write a year such as 1985, not in the future and at most 120 years ago
import-problem-age-and-birth-year = both the age and the birth year are given; keep one of them
