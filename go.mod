module asyncplay

go 1.26
