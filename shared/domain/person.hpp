// The personal data a flow may ask for (only what it needs). It lives on the kiosk only until the
// server acknowledges the request that carries it.
#pragma once

#include <string>

namespace okienko::domain
{

struct Address
{
    std::string street;     ///< street and number
    std::string postalCode; ///< "NN-NNN"
    std::string city;

    friend bool operator==(const Address&, const Address&) = default;
};

struct Person
{
    std::string name;  ///< first name and surname
    std::string phone; ///< normalised: 9 digits
    Address address;

    friend bool operator==(const Person&, const Person&) = default;
};

} // namespace okienko::domain
